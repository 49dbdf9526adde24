import { mergeRanges, subtractRanges, unionRanges, type Range } from './combine-ranges.ts';
import { MINUTES_PER_DAY, parseWallTime } from './parse-wall-time.ts';
import type { LocalDate, PractitionerSchedule, ScheduleException } from './scheduling-types.ts';

/** Weekly hours minus breaks, as minute ranges, indexed by ISO weekday (index 0 unused). */
export type WeeklyMinutes = readonly (readonly Range[])[];

export function buildWeeklyMinutes(practitioner: PractitionerSchedule): WeeklyMinutes {
  const week: Range[][] = [];
  for (let weekday = 0; weekday <= 7; weekday++) {
    const hours = practitioner.weeklyHours.filter((h) => h.weekday === weekday).map(toRange);
    const breaks = practitioner.breaks.filter((b) => b.weekday === weekday).map(toRange);
    week.push(subtractRanges(hours, breaks));
  }
  return week;
}

/** Exceptions that touch [fromDate, toDate], split by whom they apply to. */
export interface GroupedExceptions {
  clinic: readonly ScheduleException[];
  byPractitioner: ReadonlyMap<string, readonly ScheduleException[]>;
}

export function groupExceptions(exceptions: readonly ScheduleException[], fromDate: LocalDate, toDate: LocalDate): GroupedExceptions {
  const clinic: ScheduleException[] = [];
  const byPractitioner = new Map<string, ScheduleException[]>();
  for (const exception of exceptions) {
    // 'YYYY-MM-DD' strings order like the dates they name.
    if (exception.dateTo < fromDate || exception.dateFrom > toDate) continue;
    if (exception.practitionerId === null) {
      clinic.push(exception);
    } else {
      const own = byPractitioner.get(exception.practitionerId);
      if (own === undefined) byPractitioner.set(exception.practitionerId, [exception]);
      else own.push(exception);
    }
  }
  return { clinic, byPractitioner };
}

/**
 * A practitioner's working minutes on one local date.
 *
 * The more specific rule wins, so exceptions apply in layers:
 *   ((weekly hours − breaks − clinic closures) ∪ clinic extra hours − own closures) ∪ own extra hours
 * A practitioner on leave stays off during a clinic-wide extra opening, and a practitioner
 * who chooses to work on a public holiday can (their extra hours come last). With only one
 * layer present this is simply hours − breaks − closed + extra.
 */
export function buildDayMinutes(
  weekly: WeeklyMinutes,
  weekday: number,
  date: LocalDate,
  clinicExceptions: readonly ScheduleException[],
  ownExceptions: readonly ScheduleException[],
): readonly Range[] {
  let minutes = weekly[weekday] ?? [];
  minutes = applyExceptions(minutes, date, clinicExceptions);
  return applyExceptions(minutes, date, ownExceptions);
}

function applyExceptions(minutes: readonly Range[], date: LocalDate, exceptions: readonly ScheduleException[]): readonly Range[] {
  if (exceptions.length === 0) return minutes;
  const closed: Range[] = [];
  const extra: Range[] = [];
  for (const exception of exceptions) {
    if (date < exception.dateFrom || date > exception.dateTo) continue;
    const range: Range = [
      exception.start === undefined ? 0 : parseWallTime(exception.start),
      exception.end === undefined ? MINUTES_PER_DAY : parseWallTime(exception.end),
    ];
    (exception.kind === 'closed' ? closed : extra).push(range);
  }
  if (closed.length === 0 && extra.length === 0) return minutes;
  return unionRanges(subtractRanges(minutes, closed), mergeRanges(extra));
}

function toRange(interval: { start: string; end: string }): Range {
  return [parseWallTime(interval.start), parseWallTime(interval.end)];
}
