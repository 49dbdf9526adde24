import { Temporal } from 'temporal-polyfill';
import { MINUTES_PER_DAY } from './parse-wall-time.ts';
import type { IsoWeekday, LocalDate } from './scheduling-types.ts';

const MS_PER_MINUTE = 60_000;

/** One calendar day in the clinic's zone, with its real bounds as instants. */
export interface LocalDay {
  date: LocalDate;
  plainDate: Temporal.PlainDate;
  weekday: IsoWeekday;
  /** First instant of the day. */
  startMs: number;
  /** First instant of the next day; endMs - startMs is 23 h or 25 h on DST change days. */
  endMs: number;
  /**
   * The day starts at 00:00 and its offset never changes, so wall time t is simply
   * startMs + t minutes. False only on (the few) days with an offset transition.
   */
  uniformOffset: boolean;
}

/** The days from `from` to `to` inclusive. Two Temporal calls per day, none per slot. */
export function listLocalDays(
  from: Temporal.PlainDate,
  to: Temporal.PlainDate,
  timeZone: string,
): LocalDay[] {
  const days: LocalDay[] = [];
  let date = from;
  let start = date.toZonedDateTime(timeZone);
  while (Temporal.PlainDate.compare(date, to) <= 0) {
    const nextDate = date.add({ days: 1 });
    const nextStart = nextDate.toZonedDateTime(timeZone);
    const transition = start.getTimeZoneTransition('next');
    const uniformOffset =
      start.hour === 0 &&
      start.minute === 0 &&
      (transition === null || transition.epochMilliseconds >= nextStart.epochMilliseconds);
    days.push({
      date: date.toString(),
      plainDate: date,
      weekday: date.dayOfWeek as IsoWeekday,
      startMs: start.epochMilliseconds,
      endMs: nextStart.epochMilliseconds,
      uniformOffset,
    });
    date = nextDate;
    start = nextStart;
  }
  return days;
}

/**
 * The instant a wall-clock time on `day` stands for: the earliest instant at which the
 * clinic's clock reads at least that time.
 *
 * Worked examples in America/New_York:
 * - 2026-03-08 (spring forward, clocks jump 02:00 EST → 03:00 EDT): 02:30 never appears on
 *   the clock; the earliest instant reading at least 02:30 is 03:00 EDT (07:00Z). A shift
 *   02:30–06:00 therefore starts at 03:00 EDT, and 02:00–03:00 is empty.
 * - 2026-11-01 (fall back, 01:00–01:59 happens twice): 01:30 means its first occurrence,
 *   01:30 EDT (05:30Z). A shift 00:00–03:00 lasts four real hours, 04:00Z–08:00Z.
 * 24:00 is the start of the next day, whatever that day's first wall time is.
 */
export function wallTimeToEpochMs(day: LocalDay, minutes: number, timeZone: string): number {
  if (minutes >= MINUTES_PER_DAY) return day.endMs;
  if (day.uniformOffset) return day.startMs + minutes * MS_PER_MINUTE;
  const wall = day.plainDate.toPlainDateTime({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
  });
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0) {
    return earlier.epochMilliseconds;
  }
  // In a gap 'earlier' lands before the jump; the jump itself is the answer.
  const jump = earlier.getTimeZoneTransition('next');
  return jump === null ? earlier.epochMilliseconds : jump.epochMilliseconds;
}
