import type { Practitioner, ScheduleException, WeeklyInterval } from '../api/staff-api.ts';

/** A wall-clock interval on one day, 'HH:MM' to 'HH:MM', end exclusive. */
export interface TimeInterval {
  start: string;
  end: string;
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday (as the weekly hours count). */
export function isoWeekday(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

/** Removes `cut` from each interval: 09:00–19:00 minus 13:00–14:00 → 09:00–13:00, 14:00–19:00. */
export function subtractIntervals(intervals: TimeInterval[], cuts: TimeInterval[]): TimeInterval[] {
  let pieces = intervals;
  for (const cut of cuts) {
    pieces = pieces.flatMap((piece) => {
      if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
      const out: TimeInterval[] = [];
      if (cut.start > piece.start) out.push({ start: piece.start, end: cut.start });
      if (cut.end < piece.end) out.push({ start: cut.end, end: piece.end });
      return out;
    });
  }
  return pieces;
}

/** Subtracts breaks from one working interval, the same weekday only. */
export function subtractBreaks(hours: WeeklyInterval, breaks: WeeklyInterval[]): WeeklyInterval[] {
  return subtractIntervals(
    [hours],
    breaks.filter((b) => b.weekday === hours.weekday),
  ).map((piece) => ({ weekday: hours.weekday, ...piece }));
}

function coversDay(e: ScheduleException, date: string): boolean {
  return e.dateFrom <= date && date <= e.dateTo;
}

/**
 * When a practitioner can see patients on a day: weekly hours less breaks, plus extra hours,
 * less clinic closures and their own leave (all-day or part-day). The server's availability
 * engine decides bookings; this is what the calendar shades and where a new entry starts.
 */
export function openIntervals(practitioner: Practitioner, date: string, exceptions: ScheduleException[]): TimeInterval[] {
  const weekday = isoWeekday(date);
  const mine = exceptions.filter((e) => coversDay(e, date) && (e.practitionerId === null || e.practitionerId === practitioner.id));
  const closed = mine.filter((e) => e.kind === 'closed');
  if (closed.some((e) => !e.start || !e.end)) return [];
  const weekly = practitioner.weeklyHours.filter((h) => h.weekday === weekday).flatMap((h) => subtractBreaks(h, practitioner.breaks));
  const extra = mine.filter((e) => e.kind === 'extra_hours' && e.practitionerId === practitioner.id && e.start && e.end);
  const all = [...weekly.map(({ start, end }) => ({ start, end })), ...extra.map((e) => ({ start: e.start ?? '', end: e.end ?? '' }))];
  return subtractIntervals(
    all,
    closed.map((e) => ({ start: e.start ?? '', end: e.end ?? '' })),
  ).sort((a, b) => a.start.localeCompare(b.start));
}

/** The parts of `dayStart`–`dayEnd` outside the open intervals: what the grid shades. */
export function offIntervals(open: TimeInterval[], dayStart: string, dayEnd: string): TimeInterval[] {
  return subtractIntervals([{ start: dayStart, end: dayEnd }], open);
}
