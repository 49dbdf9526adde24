import type { AppContext } from '../app-context.ts';
import { calendarText, visitEvent } from '../messages/appointment-ics.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { calendarVisit, loadNames } from './enqueue-appointment-messages.ts';
import { findManagedBooking } from './manage-booking.ts';

/**
 * The "add to calendar" file behind a patient's manage link: the same UID and SEQUENCE as the
 * visit's emails, so a calendar that already has the invitation updates it rather than adding
 * a second entry. No METHOD: a download is a snapshot for the patient's own calendar (RFC 5545
 * §3.7.2), which the calendar imports rather than treating as an invitation to answer.
 */
export async function buildBookingCalendar(ctx: AppContext, reference: string, token: string): Promise<string> {
  const row = await findManagedBooking(ctx.db, reference, token);
  const [clinic, names] = await Promise.all([loadClinic(ctx.db), loadNames(ctx.db, row)]);
  return calendarText([visitEvent(calendarVisit(ctx, clinic, row, names), ctx.clock.now())]);
}
