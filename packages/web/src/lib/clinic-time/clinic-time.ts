/**
 * Clinic time: every date and time the web app shows or sends, in the clinic's zone whatever
 * zone the browser is in. The zone comes from the clinic's settings (GET /api/clinic), provided
 * to every feature by ClinicTimeProvider (clinic-time-context.tsx); nothing here assumes one.
 *
 * Two kinds of value:
 * - instants: ISO strings from the API with an offset or Z ('2026-11-30T09:00:00+04:00'), shown
 *   and converted in a zone;
 * - calendar days 'YYYY-MM-DD' and wall-clock times 'HH:MM' on the clinic's clock, which have
 *   no zone, as the API uses them.
 * Arithmetic is done with Temporal (the browser's, or temporal-polyfill where it has none: main.tsx), so daylight
 * saving is handled by the zone's rules; text comes from Intl, which is what Temporal formats with.
 */
import { localeFor } from '../i18n/language.ts';

export type Language = 'en' | 'ar';
/** A calendar day 'YYYY-MM-DD' on the clinic's calendar. */
export type DateString = string;
/** An instant as the API sends it, or a Date. */
export type InstantInput = string | Date | number;

// Kept in lib/i18n (no Temporal there), so a price can be formatted without the time library.
export { localeFor };

function toInstant(value: InstantInput): Temporal.Instant {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Temporal.Instant.fromEpochMilliseconds(ms);
}

function inZone(value: InstantInput, timeZone: string): Temporal.ZonedDateTime {
  return toInstant(value).toZonedDateTimeISO(timeZone);
}

// ---------------------------------------------------------------------------------------------
// Instants and the clinic's wall clock

/** An instant as clinic wall-clock, 'YYYY-MM-DDTHH:MM:SS'. */
export function instantToWall(instant: InstantInput, timeZone: string): string {
  return inZone(instant, timeZone).toPlainDateTime().toString({ smallestUnit: 'second' });
}

/** The clinic's calendar day of an instant. */
export function dateInZone(instant: InstantInput, timeZone: string): DateString {
  return inZone(instant, timeZone).toPlainDate().toString();
}

/** Today on the clinic's calendar. */
export function clinicToday(timeZone: string, now: InstantInput = Date.now()): DateString {
  return dateInZone(now, timeZone);
}

/** The hour (0–23) of an instant on the clinic's clock. */
export function hourInZone(instant: InstantInput, timeZone: string): number {
  return inZone(instant, timeZone).hour;
}

/** Minutes the zone is ahead of UTC at an instant: 240 for Asia/Dubai, 0 or 60 for Europe/London. */
export function zoneOffsetMinutes(instant: InstantInput, timeZone: string): number {
  return Math.round(inZone(instant, timeZone).offsetNanoseconds / 60e9);
}

/** Morning runs to noon on the clinic's clock; everything after is afternoon. */
export type DayPart = 'morning' | 'afternoon';

export function dayPartOf(instant: InstantInput, timeZone: string): DayPart {
  return hourInZone(instant, timeZone) < 12 ? 'morning' : 'afternoon';
}

/**
 * Clinic wall-clock ('YYYY-MM-DDTHH:MM' or with seconds) → ISO with the offset in force then,
 * e.g. ('2026-12-09T10:00', 'Asia/Dubai') → '2026-12-09T10:00:00+04:00'. A time skipped by a
 * daylight-saving change moves forward by the gap, as a clock would (Temporal's 'compatible').
 */
export function wallToZonedIso(wall: string, timeZone: string): string {
  const zoned = Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return zoned.toString({ smallestUnit: 'second', timeZoneName: 'never' });
}

/** A calendar day and a wall-clock time 'HH:MM' in the clinic's zone → ISO with its offset. */
export function zonedIso(date: DateString, time: string, timeZone: string): string {
  return wallToZonedIso(`${date}T${time}`, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Calendar days and wall-clock times (no zone)

/** A calendar day plus whole days (negative to go back). */
export function addDays(date: DateString, days: number): DateString {
  return Temporal.PlainDate.from(date.slice(0, 10)).add({ days }).toString();
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: DateString, to: DateString): number {
  return Temporal.PlainDate.from(from.slice(0, 10)).until(to.slice(0, 10), { largestUnit: 'day' }).days;
}

/** Adds minutes to 'HH:MM', clamped to the same day (00:00–23:59). */
export function addMinutesToTime(time: string, minutes: number): string {
  const start = Temporal.PlainTime.from(time);
  const total = Math.min(24 * 60 - 1, Math.max(0, start.hour * 60 + start.minute + minutes));
  return new Temporal.PlainTime(Math.floor(total / 60), total % 60).toString({ smallestUnit: 'minute' });
}

/**
 * FullCalendar runs with timeZone 'UTC' and is fed wall-clock strings without an offset, so it
 * draws 09:00 for a visit at 09:00 in the clinic whatever zone the browser is in. Dates it hands
 * back are "UTC" Dates whose UTC fields are clinic wall-clock fields.
 */
export function calendarDateToWall(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** 'YYYY-MM-DD' of a FullCalendar Date (see calendarDateToWall). */
export function calendarDateToDay(date: Date): DateString {
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * How an instant is shown. Each is one Intl call, so each language orders and joins the parts its
 * own way. The staff area uses a 24-hour clock; the public site a 12-hour one.
 */
export const INSTANT_FORMATS = {
  /** "Wed, 9 Dec 2026, 14:05": staff calendar and dialogs. */
  dateTime: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "9 Dec 2026, 14:05": staff tables (audit, mailbox, flagged bookings). */
  dateTimeCompact: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "14:05". */
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "Wednesday 9 December 2026". */
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** "2:05 pm": the public site. */
  time12: { hour: 'numeric', minute: '2-digit', hour12: true },
  /** "Wednesday 9 December 2026 at 2:05 pm": the public site. */
  dayTime12: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true },
  /** "9 Dec 2026, 14:05": clinical and safety records. */
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  /** "9 December 2026 at 14:05": the intake consent. */
  long: { dateStyle: 'long', timeStyle: 'short' },
  /** Like dateTime, with the language's own clock (12-hour in Arabic): treatment pages. */
  dateTimeLocalClock: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  /** Like time, with the language's own clock: treatment pages. */
  timeLocalClock: { hour: '2-digit', minute: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type InstantFormat = keyof typeof INSTANT_FORMATS;

/** How a calendar day is shown (it has no zone). */
export const DAY_FORMATS = {
  /** "Wednesday 9 December 2026". */
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** "Wednesday 9 December": the public booking pages. */
  weekdayDayMonth: { weekday: 'long', day: 'numeric', month: 'long' },
  /** "9 December". */
  dayMonth: { day: 'numeric', month: 'long' },
  /** "Wed". */
  weekdayShort: { weekday: 'short' },
  /** "9". */
  dayNumber: { day: 'numeric' },
  /** "9 Dec 2026" (dates of birth in clinical records). */
  medium: { dateStyle: 'medium' },
  /** "9 Dec 2026": treatment pages. */
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  /** "Wed, 9 Dec 2026": staff leave. */
  weekdayShortDate: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DayFormat = keyof typeof DAY_FORMATS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = localeFor(language);
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/** An instant as text in the clinic's zone and the reader's language. */
export function formatInstant(instant: InstantInput, timeZone: string, language: string, format: InstantFormat = 'dateTime'): string {
  return formatter(language, timeZone, INSTANT_FORMATS[format]).format(toInstant(instant).epochMilliseconds);
}

/** A calendar day 'YYYY-MM-DD' as text in the reader's language, as written (no zone shift). A value that is not a date is shown as it is. */
export function formatDay(date: DateString, language: string, format: DayFormat = 'weekdayDayMonth'): string {
  let day: Temporal.PlainDate;
  try {
    day = Temporal.PlainDate.from(date.slice(0, 10));
  } catch {
    return date;
  }
  // Noon UTC of that day, formatted in UTC: the same day in every zone.
  return formatter(language, 'UTC', DAY_FORMATS[format]).format(day.toZonedDateTime({ timeZone: 'UTC', plainTime: '12:00' }).epochMilliseconds);
}
