/**
 * What the front desk may write on the calendar and the clinic's hours, as plain rules the
 * server applies before it touches the database (the exclusion constraints still decide clashes).
 * Each check answers with a problem code, or undefined when the input is fine.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A staff block covers at most 31 days; longer absences are leave (a schedule exception). */
export const MAX_BLOCK_DAYS = 31;

/** The staff calendar shows at most 93 local days at once (from..to inclusive, to − from ≤ 92). */
export const MAX_CALENDAR_SPAN_DAYS = 92;

export type BlockProblem = 'end_not_after_start' | 'too_long' | 'nothing_blocked';

/** A block names a practitioner, a room or both, ends after it starts, and lasts at most 31 days. */
export function checkBlock(block: { practitionerId?: string | undefined; roomId?: string | undefined; start: Date; end: Date }): BlockProblem | undefined {
  if (!block.practitionerId && !block.roomId) return 'nothing_blocked';
  if (block.end <= block.start) return 'end_not_after_start';
  if (block.end.getTime() - block.start.getTime() > MAX_BLOCK_DAYS * DAY_MS) return 'too_long';
  return undefined;
}

/**
 * Where a moved appointment ends. A visit keeps its service's length whatever end is asked for;
 * a block may be resized by giving an end, else keeps its own length.
 * Example: a 60-minute visit moved to 10:00 ends at 11:00; a 09:00–12:00 block moved to 13:00 ends at 16:00.
 */
export function decideMovedEnd(move: {
  start: Date;
  serviceMinutes?: number | undefined;
  requestedEnd?: Date | undefined;
  current: { start: Date; end: Date };
}): Date {
  if (move.serviceMinutes !== undefined) return new Date(move.start.getTime() + move.serviceMinutes * MINUTE_MS);
  if (move.requestedEnd) return move.requestedEnd;
  return new Date(move.start.getTime() + (move.current.end.getTime() - move.current.start.getTime()));
}

/** A visit's end from its start and its service's length. */
export function visitEnd(start: Date, durationMinutes: number): Date {
  return new Date(start.getTime() + durationMinutes * MINUTE_MS);
}

/** Whether a day range asked of the staff calendar is one the server answers: from ≤ to, at most 93 days. */
export function isCalendarSpanAllowed(spanDays: number): boolean {
  return spanDays >= 0 && spanDays <= MAX_CALENDAR_SPAN_DAYS;
}

/** The first weekly interval ('HH:MM' times, same day) that does not end after it starts. */
export function findBackwardInterval<T extends { weekday: number; start: string; end: string }>(intervals: readonly T[]): T | undefined {
  // 'HH:MM' strings compare like the times they name.
  return intervals.find((interval) => interval.start >= interval.end);
}

export type ExceptionProblem = 'invalid_dates' | 'times_incomplete' | 'extra_hours_need_times';

/**
 * A closure or extra hours: dateFrom ≤ dateTo (both real dates, checked by the caller), start and
 * end given together with start first, and extra hours always with times (a closure without
 * times closes whole days).
 */
export function checkScheduleException(exception: {
  kind: 'closed' | 'extra_hours';
  dateFrom: string;
  dateTo: string;
  datesReal: boolean;
  start?: string | undefined;
  end?: string | undefined;
}): ExceptionProblem | undefined {
  if (!exception.datesReal || exception.dateFrom > exception.dateTo) return 'invalid_dates';
  if ((exception.start === undefined) !== (exception.end === undefined)) return 'times_incomplete';
  if (exception.start !== undefined && exception.end !== undefined && exception.start >= exception.end) return 'times_incomplete';
  if (exception.kind === 'extra_hours' && exception.start === undefined) return 'extra_hours_need_times';
  return undefined;
}
