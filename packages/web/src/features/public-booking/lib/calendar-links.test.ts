import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEvent } from './calendar-links.ts';

/** A visit at a wall-clock time in the clinic's zone, as the API sends it (ISO with the zone's offset then). */
function visit(timeZone: string, date: string, time: string, minutes: number): Pick<CalendarEvent, 'start' | 'end'> {
  const start = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone);
  const end = start.add({ minutes });
  const iso = (z: Temporal.ZonedDateTime) => z.toString({ timeZoneName: 'never' });
  return { start: iso(start), end: iso(end) };
}

const base = { title: 'NMT follow-up – Myomap Sharjah', location: 'Myomap Sharjah, Al Majaz 2, Sharjah', details: 'Reference: MM-7Q2K\nAmira Haddad' };

describe('calendar links', () => {
  it('puts a Dubai visit (no daylight saving) at its UTC instant in Google and Outlook', () => {
    const event = { ...base, ...visit('Asia/Dubai', '2026-12-01', '09:00', 60) };
    expect(event.start).toBe('2026-12-01T09:00:00+04:00');
    const google = new URL(googleCalendarUrl(event));
    expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).toBe('TEMPLATE');
    expect(google.searchParams.get('dates')).toBe('20261201T050000Z/20261201T060000Z');
    expect(google.searchParams.get('text')).toBe(base.title);
    expect(google.searchParams.get('location')).toBe(base.location);
    expect(google.searchParams.get('details')).toBe(base.details);
    const outlook = new URL(outlookCalendarUrl(event));
    expect(outlook.origin + outlook.pathname).toBe('https://outlook.live.com/calendar/0/deeplink/compose');
    expect(outlook.searchParams.get('startdt')).toBe('2026-12-01T05:00:00Z');
    expect(outlook.searchParams.get('enddt')).toBe('2026-12-01T06:00:00Z');
    expect(outlook.searchParams.get('subject')).toBe(base.title);
    expect(outlook.searchParams.get('body')).toBe(base.details);
    expect(outlook.searchParams.get('rru')).toBe('addevent');
  });

  it('follows the clinic zone across a daylight-saving change (London, last Sunday of March 2026)', () => {
    const winter = { ...base, ...visit('Europe/London', '2026-03-28', '09:00', 60) };
    const summer = { ...base, ...visit('Europe/London', '2026-03-30', '09:00', 60) };
    expect(new URL(googleCalendarUrl(winter)).searchParams.get('dates')).toBe('20260328T090000Z/20260328T100000Z');
    expect(new URL(googleCalendarUrl(summer)).searchParams.get('dates')).toBe('20260330T080000Z/20260330T090000Z');
    expect(new URL(outlookCalendarUrl(summer)).searchParams.get('startdt')).toBe('2026-03-30T08:00:00Z');
    // A visit that spans the change itself: 00:30 GMT + 90 minutes ends at 03:00 BST, 02:00 UTC.
    const across = { ...base, ...visit('Europe/London', '2026-03-29', '00:30', 90) };
    expect(new URL(googleCalendarUrl(across)).searchParams.get('dates')).toBe('20260329T003000Z/20260329T020000Z');
  });

  it('keeps Arabic text and reserved characters intact through the query string', () => {
    const event = { ...base, ...visit('Asia/Dubai', '2026-12-01', '09:00', 60), title: 'جلسة متابعة & تقييم', details: 'رقم الحجز: MM-7Q2K?x=1' };
    expect(new URL(googleCalendarUrl(event)).searchParams.get('text')).toBe('جلسة متابعة & تقييم');
    expect(new URL(outlookCalendarUrl(event)).searchParams.get('body')).toBe('رقم الحجز: MM-7Q2K?x=1');
  });
});
