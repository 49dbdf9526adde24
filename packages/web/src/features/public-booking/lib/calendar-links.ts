/**
 * "Add to Google Calendar" and "Add to Outlook" links: each service's documented render URL,
 * which opens a new event filled in for the patient to save. Times go as UTC instants (Google's
 * trailing Z, Outlook's ISO Z), so each calendar shows them in the patient's own zone whatever
 * the clinic's zone and its daylight saving. The details carry no manage token: the URL is sent
 * to Google or Microsoft, and the private link stays in the email and on this page.
 */
export interface CalendarEvent {
  title: string;
  /** ISO 8601 with an offset, as the API sends it (e.g. 2026-12-01T09:00:00+04:00). */
  start: string;
  end: string;
  location: string;
  details: string;
}

/** 2026-12-01T09:00:00+04:00 → 20261201T050000Z (Google's `dates` format). */
function compactUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** 2026-12-01T09:00:00+04:00 → 2026-12-01T05:00:00Z. */
function isoUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}/, '');
}

export function googleCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${compactUtc(event.start)}/${compactUtc(event.end)}`,
    details: event.details,
    location: event.location,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

export function outlookCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: isoUtc(event.start),
    enddt: isoUtc(event.end),
    location: event.location,
    body: event.details,
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params.toString()}`;
}
