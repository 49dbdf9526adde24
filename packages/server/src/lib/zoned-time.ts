import { Temporal } from 'temporal-polyfill';

/** '2026-12-01T09:30:00+04:00': an instant written in the clinic's zone with its offset. */
export function toZonedIso(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never' });
}

/** Parses an ISO 8601 time that carries an explicit offset or Z; undefined when it does not. */
export function parseOffsetIso(value: string): Date | undefined {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  try {
    return new Date(Temporal.Instant.from(value).epochMilliseconds);
  } catch {
    return undefined;
  }
}

/** The local calendar date of an instant in a zone: '2026-12-01'. */
export function localDate(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Whether 'YYYY-MM-DD' names a real calendar date (rejects 2026-02-30). Plain arithmetic (every
 * availability miss asks, and Temporal's polyfill costs more than the answer); the test holds it
 * to Temporal's answer.
 */
export function isRealDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a real 'YYYY-MM-DD' (setUTCFullYear: Date.UTC reads years 0-99 as 1900-1999). */
function epochDay(date: string): number {
  const utc = new Date(0);
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(utc.getTime() / MS_PER_DAY);
}

/** Whole days from one real date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/**
 * An instant at or before the start of local date `date` in any zone (UTC offsets run from -12:00
 * to +14:00), shifted by whole days: for windows that may be wider than the local days, without a
 * zone conversion.
 */
export function beforeAnyLocalDay(date: string, addDays = 0): Date {
  return new Date((epochDay(date) + addDays) * MS_PER_DAY - 14 * 3_600_000);
}

/** An instant at or after the end of local date `date` in any zone, shifted by whole days. */
export function afterAnyLocalDay(date: string, addDays = 0): Date {
  return new Date((epochDay(date) + addDays + 1) * MS_PER_DAY + 12 * 3_600_000);
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
