import { buildDayMinutes, type GroupedExceptions, type WeeklyMinutes } from './build-day-minutes.ts';
import { wallTimeToEpochMs, type LocalDay } from './list-local-days.ts';

/** Numbers per piece in the flat array returned by buildWorkingPieces. */
export const PIECE_STRIDE = 4;

/**
 * A practitioner's working time over consecutive local days, converted to instants once per
 * interval bound (never per slot).
 *
 * Flat array, four numbers per piece: [start, end, spanStart, spanEnd, …], sorted by start.
 * A piece is one working interval of one day; the slot grid is anchored at its start, so the
 * slots of a day never depend on which other days the query asked for. Its span is the run of
 * touching pieces it belongs to (22:00–24:00 followed by 00:00–02:00 the next day, or two
 * intervals that touch once a DST gap is removed), and it is the span that must contain a
 * slot's occupied interval.
 */
export function buildWorkingPieces(
  practitionerId: string,
  weekly: WeeklyMinutes,
  days: readonly LocalDay[],
  exceptions: GroupedExceptions,
  timeZone: string,
): number[] {
  const own = exceptions.byPractitioner.get(practitionerId) ?? [];
  const pieces: number[] = [];
  for (const day of days) {
    const minutes = buildDayMinutes(weekly, day.weekday, day.date, exceptions.clinic, own);
    for (const [startMinute, endMinute] of minutes) {
      const start = wallTimeToEpochMs(day, startMinute, timeZone);
      const end = wallTimeToEpochMs(day, endMinute, timeZone);
      // An interval wholly inside a DST gap (02:00–03:00 on spring-forward day) is empty.
      if (start < end) pieces.push(start, end, start, end);
    }
  }
  fillSpans(pieces);
  return pieces;
}

function fillSpans(pieces: number[]): void {
  let runFirst = 0;
  for (let i = 0; i <= pieces.length; i += PIECE_STRIDE) {
    const touchesPrevious = i > 0 && i < pieces.length && pieces[i] === pieces[i - PIECE_STRIDE + 1];
    if (touchesPrevious) continue;
    if (i > 0) {
      const spanStart = pieces[runFirst] as number;
      const spanEnd = pieces[i - PIECE_STRIDE + 1] as number;
      for (let j = runFirst; j < i; j += PIECE_STRIDE) {
        pieces[j + 2] = spanStart;
        pieces[j + 3] = spanEnd;
      }
    }
    runFirst = i;
  }
}
