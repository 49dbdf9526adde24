import { Temporal } from 'temporal-polyfill';
import { formatWallClock } from './create-instant-formatter.ts';
import { MINUTES_PER_DAY } from './parse-wall-time.ts';
import { findOffsetSegment, hasTransitionWithin, type OffsetSegment } from './read-zone-offsets.ts';
import type { IsoWeekday, LocalDate } from './scheduling-types.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** One calendar day in the clinic's zone, with its real bounds as instants. */
export interface LocalDay {
  date: LocalDate;
  weekday: IsoWeekday;
  /** First instant of the day. */
  startMs: number;
  /** First instant of the next day; endMs - startMs is 23 h or 25 h on DST change days. */
  endMs: number;
  /**
   * The day starts at 00:00 and its offset never changes, so wall time t is simply
   * startMs + t minutes. False only on days with an offset transition.
   */
  uniformOffset: boolean;
}

/**
 * The days from epoch day (epoch-days.ts) `firstDay` to `lastDay` inclusive. `segments` must cover
 * them (readZoneOffsets from two days before to three days after). Days away from any DST change are
 * pure arithmetic; only days within a day of a change ask Temporal for their bounds.
 */
export function listLocalDaysBetween(firstDay: number, lastDay: number, timeZone: string, segments: readonly OffsetSegment[]): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    // Wall-clock midnight read as if it were UTC; the real instant is that minus the offset.
    const wallMidnight = day * MS_PER_DAY;
    const date = formatWallClock(wallMidnight).slice(0, 10);
    // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    if (!hasTransitionWithin(segments, wallMidnight - MS_PER_DAY, wallMidnight + 2 * MS_PER_DAY)) {
      const offsetMs = findOffsetSegment(segments, wallMidnight).offsetMs;
      days.push({
        date,
        weekday: weekday as IsoWeekday,
        startMs: wallMidnight - offsetMs,
        endMs: wallMidnight + MS_PER_DAY - offsetMs,
        uniformOffset: true,
      });
      continue;
    }
    const plainDate = Temporal.PlainDate.from(date);
    const start = plainDate.toZonedDateTime(timeZone);
    const endMs = plainDate.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds;
    days.push({
      date,
      weekday: weekday as IsoWeekday,
      startMs: start.epochMilliseconds,
      endMs,
      uniformOffset: start.hour === 0 && start.minute === 0 && !hasTransitionWithin(segments, start.epochMilliseconds, endMs - 1),
    });
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
  const wall = Temporal.PlainDate.from(day.date).toPlainDateTime({
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
