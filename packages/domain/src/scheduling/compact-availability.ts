/**
 * The compact form of availability (GET /api/availability?format=compact, docs/api-availability.md).
 * Slots are grouped by the clinic-local day of their start; a slot is a number of minutes on that
 * day's clock, listed under its practitioner's index, and the visit length is sent once.
 *
 * A day's minutes count real time from the instant Date.UTC(date) − offset, where `offset` is the
 * UTC offset of the day's first slot. So on an ordinary day a minute is the wall-clock time
 * (540 = 09:00), and on a day whose offset changes between its first slot and its last slot's end,
 * minutes keep counting real time and `shifts` says from which minute the new offset applies.
 * Worked example, Europe/London on 2026-10-25 (clocks go back at 02:00 BST = 01:00Z), a 00:30 BST
 * first slot: offset 60, reference 2026-10-24T23:00Z; 01:00Z is minute 120, so shifts [[120, 0]];
 * a slot at minute 150 is 2026-10-25T01:30Z, written 01:30+00:00.
 */
export interface CompactDay {
  /** The clinic-local date of the slots' starts, 'YYYY-MM-DD'. */
  date: string;
  /** The UTC offset in minutes of the day's first slot (240 for +04:00). */
  offset: number;
  /** starts[i]: the start minutes, ascending, of practitioners[i] on this day. */
  starts: number[][];
  /** [minute, offset] pairs: from that minute on, the UTC offset is `offset`. Only on change days. */
  shifts?: [number, number][];
}

export interface CompactAvailability {
  format: 'compact';
  version: 1;
  timeZone: string;
  durationMinutes: number;
  /** Practitioner ids in id order; ties between equal starts are listed in this order. */
  practitioners: string[];
  days: CompactDay[];
}

/** The documented form's slot: instants written in the clinic's zone with their offset. */
export interface DecodedSlot {
  start: string;
  end: string;
  practitionerId: string;
}

export const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** '+04:00', '-03:30', '+00:00' (ISO 8601 as Temporal writes an offset). */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of 'YYYY-MM-DD' (the date's UTC midnight). */
export function epochDayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The offset in force at `minute` of a compact day. */
export function offsetAtMinute(day: CompactDay, minute: number): number {
  let offset = day.offset;
  for (const [at, next] of day.shifts ?? []) if (at <= minute) offset = next;
  return offset;
}
