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

/** Whether 'YYYY-MM-DD' names a real calendar date (rejects 2026-02-30). */
export function isRealDate(value: string): boolean {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}

export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
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
