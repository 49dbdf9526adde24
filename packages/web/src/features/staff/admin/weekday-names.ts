/** Localised weekday names for ISO weekdays 1 (Monday) … 7 (Sunday). 2026-11-30 is a Monday. */
export function weekdayName(weekday: number, language: string, width: 'long' | 'short' = 'long'): string {
  const date = new Date(Date.UTC(2026, 10, 29 + weekday));
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-AE' : 'en-GB', { weekday: width, timeZone: 'UTC' }).format(date);
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
