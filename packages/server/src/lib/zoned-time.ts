import { calendarDateParts, epochDayOfDate } from '@myomap/domain/scheduling/epoch-days';
import { Temporal } from 'temporal-polyfill';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock of an instant in a zone, as epoch milliseconds read as UTC (whole seconds), from
 * Intl: a booking writes a dozen zoned times, and the Temporal polyfill took 10-20 µs for each
 * against about 4 µs here (issue 13). The tests hold it to Temporal's answer.
 */
function wallClockMs(epochSecondMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of format.formatToParts(epochSecondMs)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime();
}

const pad = (value: number) => String(value).padStart(2, '0');

// Intl writes a year BC without its era in this format: only instants well inside 1000-9999.
const PLAIN_FROM = Date.UTC(1000, 0, 2);
const PLAIN_TO = Date.UTC(9999, 11, 30);

/**
 * The wall clock and UTC offset of an instant in a zone when the plain arithmetic below writes them
 * as Temporal does: years 1000-9999, whole seconds, whole-minute offsets. Undefined otherwise
 * (historic local mean times, say), and Temporal answers.
 */
function zonedParts(ms: number, timeZone: string): { wall: Date; offsetMinutes: number } | undefined {
  if (ms % 1000 !== 0 || ms < PLAIN_FROM || ms > PLAIN_TO) return undefined;
  const wallMs = wallClockMs(ms, timeZone);
  const offsetMs = wallMs - ms;
  const wall = new Date(wallMs);
  const year = wall.getUTCFullYear();
  if (offsetMs % 60_000 !== 0 || year < 1000 || year > 9999) return undefined;
  return { wall, offsetMinutes: offsetMs / 60_000 };
}

function isoDate(wall: Date): string {
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** '2026-12-01T09:30:00+04:00': an instant written in the clinic's zone with its offset. */
export function toZonedIso(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const parts = zonedParts(ms, timeZone);
  if (!parts) return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never' });
  const { wall, offsetMinutes } = parts;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return `${isoDate(wall)}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/** The form every client of ours writes: 2026-12-01T09:30:00+04:00 (seconds and fraction optional, or Z). */
const OFFSET_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 time that carries an explicit offset or Z; undefined when it does not. Every
 * booking's start comes this way, and Temporal's polyfill took about 70 µs each (issue 13): the
 * usual form is read with plain arithmetic, anything else that ends in an offset goes to Temporal,
 * and the tests hold both to Temporal's answer.
 */
export function parseOffsetIso(value: string): Date | undefined {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const match = OFFSET_ISO.exec(value);
  if (match) {
    const [, year, month, day, hour, minute, second = '0', fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] = match;
    const date = `${year}-${month}-${day}`;
    // Out of range fields (a 25th hour, a 30th of February, an offset of 24 hours) Temporal refuses;
    // a leap second it reads as the 59th.
    if (!isRealDate(date) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return undefined;
    if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
    const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
    const wall = new Date(0);
    wall.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
    wall.setUTCHours(Number(hour), Number(minute), Math.min(Number(second), 59), Number(fraction.padEnd(3, '0').slice(0, 3)));
    const ms = wall.getTime() - offsetMs;
    // Temporal's instants end within 10^8 days of 1970; the plain arithmetic holds well inside that.
    if (Number(year) >= 1000) return new Date(ms);
  }
  try {
    return new Date(Temporal.Instant.from(value).epochMilliseconds);
  } catch {
    return undefined;
  }
}

/** The local calendar date of an instant in a zone: '2026-12-01'. */
export function localDate(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  // The date does not depend on the milliseconds: the second it falls in has the same date.
  const parts = zonedParts(ms - (((ms % 1000) + 1000) % 1000), timeZone);
  if (!parts) return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  return isoDate(parts.wall);
}

const MS_PER_DAY = 86_400_000;

/**
 * Whether 'YYYY-MM-DD' names a real calendar date (rejects 2026-02-30). Plain arithmetic (every
 * availability miss asks, and Temporal's polyfill costs more than the answer), the slot engine's own
 * (domain/scheduling/epoch-days.ts); the test holds it to Temporal's answer.
 */
export function isRealDate(value: string): boolean {
  return calendarDateParts(value) !== undefined;
}

/** Whole days from one real date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDayOfDate(to) - epochDayOfDate(from);
}

/**
 * An instant at or before the start of local date `date` in any zone (UTC offsets run from -12:00
 * to +14:00), shifted by whole days: for windows that may be wider than the local days, without a
 * zone conversion.
 */
export function beforeAnyLocalDay(date: string, addDays = 0): Date {
  return new Date((epochDayOfDate(date) + addDays) * MS_PER_DAY - 14 * 3_600_000);
}

/** An instant at or after the end of local date `date` in any zone, shifted by whole days. */
export function afterAnyLocalDay(date: string, addDays = 0): Date {
  return new Date((epochDayOfDate(date) + addDays + 1) * MS_PER_DAY + 12 * 3_600_000);
}

/** The instant a local date begins in a zone, shifted by whole days. */
export function startOfLocalDay(date: string, timeZone: string, addDays = 0): Date {
  const zdt = Temporal.PlainDate.from(date).add({ days: addDays }).toZonedDateTime({ timeZone });
  return new Date(zdt.epochMilliseconds);
}

/** A human date and time in the clinic's zone for messages, e.g. "Tue 1 Dec 2026, 09:30". */
const peopleFormats = new Map<string, Intl.DateTimeFormat>();

export function formatForPeople(instant: Date, timeZone: string, language: 'en' | 'ar'): string {
  // Building a DateTimeFormat costs far more than using one: one per language and zone, kept.
  const key = `${language} ${timeZone}`;
  let format = peopleFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'ar' ? 'ar-AE' : 'en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    peopleFormats.set(key, format);
  }
  return format.format(instant);
}
