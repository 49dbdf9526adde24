import { Temporal } from 'temporal-polyfill';
import type { LocalDate } from './scheduling-types.ts';

/**
 * Calendar dates as whole days since 1970-01-01 (the proleptic Gregorian calendar of ISO 8601),
 * for the slot engine's arithmetic. `Temporal.PlainDate.from` and `toZonedDateTime('UTC')` gave the
 * same numbers at a tenth of a cold availability answer's CPU (issue 13); plain arithmetic reads the
 * form every caller writes, 'YYYY-MM-DD', and anything else (a date-time string, an extended year,
 * an invalid date) goes to Temporal, so the answers and the errors stay Temporal's
 * (epoch-days.test.ts holds the two together).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year, month and day of 'YYYY-MM-DD' when it names a real date (not 2026-02-30); undefined for any other text. */
export function calendarDateParts(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

/** The epoch day of a local date as Temporal.PlainDate.from reads it; throws Temporal's RangeError for what it refuses. */
export function epochDayOfDate(text: LocalDate): number {
  const parts = calendarDateParts(text);
  if (parts) return daysFromCivil(parts.year, parts.month, parts.day);
  return epochDayOfPlainDate(Temporal.PlainDate.from(text));
}

export function epochDayOfPlainDate(date: Temporal.PlainDate): number {
  if (date.calendarId === 'iso8601') return daysFromCivil(date.year, date.month, date.day);
  return Math.round(date.toZonedDateTime('UTC').epochMilliseconds / 86_400_000);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid ISO date, any year (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
