import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { calendarText, visitEvent, visitUid } from '../messages/appointment-ics.ts';
import { findPractitionerByCalendarToken, listFeedRows } from '../stores/calendar-store.ts';

/**
 * A practitioner's private iCalendar feed, for their phone's calendar. The secret token in the
 * URL is the only key, so the feed shows first names and services, no clinical detail. Each
 * visit has the UID and SEQUENCE of the patient's emails (messages/appointment-ics.ts); the feed
 * has no METHOD: a subscription is a snapshot, not a scheduling message (RFC 5545 §3.7.2).
 */
export async function buildCalendarFeed(ctx: AppContext, practitionerId: string, token: string): Promise<string> {
  const practitioner = await findPractitionerByCalendarToken(ctx.db, practitionerId, token);
  if (!practitioner) throw new AppError('not_found', 'No calendar at this address.');
  const now = ctx.clock.now();
  const rows = await listFeedRows(ctx.db, practitioner.id, now);
  const events = rows.map((r) =>
    visitEvent(
      {
        uid: visitUid(r.id, ctx.config.publicUrl),
        sequence: r.icalSequence,
        start: r.startsAt,
        end: r.endsAt,
        title: r.kind === 'block' ? 'Blocked' : `${r.serviceName ?? 'Visit'}: ${r.patientFirstName ?? ''}`,
        location: r.room ?? undefined,
      },
      now,
    ),
  );
  return calendarText(events, { name: `Myomap: ${practitioner.name}` });
}
