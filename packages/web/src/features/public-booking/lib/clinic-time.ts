/**
 * Dates and times as the clinic sees them. Every instant is shown in the clinic's zone
 * (Asia/Dubai for the demo) whatever zone the browser is in, and calendar days are plain
 * `YYYY-MM-DD` strings in that zone, as the API uses them.
 */
export type DateString = string;

const LOCALES = { en: 'en-GB', ar: 'ar-AE' } as const;

export function localeFor(language: string): string {
  return language === 'ar' ? LOCALES.ar : LOCALES.en;
}

/** `YYYY-MM-DD` of an instant in a zone. en-CA formats dates as ISO. */
export function dateInZone(instant: Date, timeZone: string): DateString {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The hour (0–23) of an instant on the clinic's wall clock. */
export function hourInZone(instant: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant);
  return Number(hour);
}

/** Calendar arithmetic on date strings, done at UTC noon so no zone or DST can shift the day. */
export function addDays(date: DateString, days: number): DateString {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
}

export function daysBetween(from: DateString, to: DateString): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** A calendar day as text ("Tuesday 1 December" / "الثلاثاء، 1 ديسمبر"); the day has no zone. */
export function formatDay(date: DateString, language: string, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }): string {
  return new Intl.DateTimeFormat(localeFor(language), { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function formatTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { timeZone, hour: 'numeric', minute: '2-digit', hour12: true }).format(new Date(iso));
}

/** "Tuesday 1 December 2026" in the clinic zone, for an instant. */
export function formatLongDate(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** Date and time in one Intl call, so each language joins them its own way ("… at 3:00 pm", "… في 3:00 م"). */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeFor(language), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).format(new Date(iso));
}

export function formatPrice(amount: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'AED', maximumFractionDigits: 0 }).format(amount);
}

/** Morning runs to noon on the clinic's clock; everything after is afternoon. */
export type DayPart = 'morning' | 'afternoon';

export function dayPartOf(iso: string, timeZone: string): DayPart {
  return hourInZone(new Date(iso), timeZone) < 12 ? 'morning' : 'afternoon';
}
