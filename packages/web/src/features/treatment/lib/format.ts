import type { Language } from '../../../lib/i18n/language.ts';

/** The demo clinic's zone; pages that know the clinic pass its zone instead. */
export const DEFAULT_TIME_ZONE = 'Asia/Dubai';

const locale = (language: Language) => (language === 'ar' ? 'ar-AE' : 'en-GB');

/** e.g. "Wed 9 Dec 2026, 10:00", in the clinic's zone. */
export function formatDateTime(iso: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(language), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

export function formatTime(iso: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A calendar date 'YYYY-MM-DD' as written, in the reader's language (no zone shift). */
export function formatDate(date: string, language: Language, long = false): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale(language), { ...(long ? { weekday: 'long' } : {}), day: 'numeric', month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The 'YYYY-MM-DD' calendar date of an instant in the clinic's zone. */
export function localDate(iso: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The zone's offset from UTC, in minutes, at an instant (e.g. +240 for Asia/Dubai). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * A wall-clock date and time in the clinic's zone as ISO with its offset, e.g.
 * ('2026-12-09', '10:00', 'Asia/Dubai') → '2026-12-09T10:00:00+04:00'. The offset is looked up
 * at the guessed instant and once more, so a time next to a DST change gets the right one.
 */
export function zonedIso(date: string, time: string, timeZone = DEFAULT_TIME_ZONE): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let offset = offsetMinutes(new Date(wall), timeZone);
  offset = offsetMinutes(new Date(wall - offset * 60_000), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}

/** A YYYY-MM-DD plus whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Localised text from a { en, ar } pair, or plain text as it is. */
export function pick(text: string | { en: string; ar: string } | undefined | null, language: Language): string {
  if (!text) return '';
  return typeof text === 'string' ? text : text[language] || text.en;
}
