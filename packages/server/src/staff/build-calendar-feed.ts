import { createEvents, type EventAttributes } from 'ics';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { findPractitionerByCalendarToken, listFeedRows } from '../stores/calendar-store.ts';

const utc = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

const EMPTY_CALENDAR = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:myomap\r\nEND:VCALENDAR\r\n';

/**
 * A practitioner's private iCalendar feed, for their phone's calendar. The secret token in the
 * URL is the only key, so the feed shows first names and services, no clinical detail.
 */
export async function buildCalendarFeed(ctx: AppContext, practitionerId: string, token: string): Promise<string> {
  const practitioner = await findPractitionerByCalendarToken(ctx.db, practitionerId, token);
  if (!practitioner) throw new AppError('not_found', 'No calendar at this address.');
  const rows = await listFeedRows(ctx.db, practitioner.id, ctx.clock.now());
  const events: EventAttributes[] = rows.map((r) => ({
    uid: `${r.id}@myomap`,
    start: utc(r.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utc(r.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: r.kind === 'block' ? 'Blocked' : `${r.serviceName ?? 'Visit'}: ${r.patientFirstName ?? ''}`,
    ...(r.room ? { location: r.room } : {}),
  }));
  if (events.length === 0) return EMPTY_CALENDAR;
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar feed failed');
  return value;
}
