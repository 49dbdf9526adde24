import { assessOnlineBooking, ONLINE_BOOKING_LIMITS, type SuspicionReason } from '@myomap/domain/scheduling/assess-online-booking';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { localDate } from '../lib/zoned-time.ts';
import {
  countUpcomingForContact,
  flagRecentFromAddress,
  listRecentFromAddress,
  lockOnlineBookingContact,
  setOnlineBookingSource,
} from '../stores/suspicious-booking-store.ts';

export interface OnlineBookingSource {
  /** The client address (request.ip, resolved under TRUST_PROXY). */
  ip: string;
  /** The patient's email, as the contact an online booking is limited by. */
  contact: string;
  practitionerId: string;
  start: Date;
  timeZone: string;
}

/**
 * Loads the facts for `assessOnlineBooking`, in the booking's transaction, and refuses a
 * contact over its limit. A transaction-scoped advisory lock per contact makes two concurrent
 * bookings for one contact count one after the other.
 */
export async function guardOnlineBooking(tx: Sql, source: OnlineBookingSource, now: Date, maxUpcomingPerContact: number): Promise<SuspicionReason | null> {
  const limits = { ...ONLINE_BOOKING_LIMITS, maxUpcomingPerContact };
  const contact = source.contact.trim().toLowerCase();
  await lockOnlineBookingContact(tx, contact);
  const upcoming = await countUpcomingForContact(tx, contact, now);
  const recent = await listRecentFromAddress(tx, source.ip, now, ONLINE_BOOKING_LIMITS.windowHours);
  const verdict = assessOnlineBooking(
    {
      contact,
      practitionerId: source.practitionerId,
      localDate: localDate(source.start, source.timeZone),
      upcomingForContact: upcoming,
      recentFromAddress: recent.map((r) => ({
        contact: r.contact,
        practitionerId: r.practitionerId,
        localDate: localDate(new Date(r.startsAt), source.timeZone),
      })),
    },
    limits,
  );
  if (verdict.outcome === 'refuse') {
    throw new AppError(
      'booking_limit_reached',
      `One contact may hold at most ${maxUpcomingPerContact} upcoming online bookings; call the clinic to book more.`,
      {
        limit: maxUpcomingPerContact,
      },
    );
  }
  return verdict.suspicious;
}

/**
 * Records where the booking came from; a suspicious one is flagged together with the other
 * unreviewed bookings from its address in the window, so reception sees the whole run.
 */
export async function recordOnlineBookingSource(
  tx: Sql,
  appointmentId: string,
  source: OnlineBookingSource,
  suspicious: SuspicionReason | null,
  now: Date,
): Promise<void> {
  await setOnlineBookingSource(tx, appointmentId, source.ip, source.contact.trim().toLowerCase(), suspicious);
  if (!suspicious) return;
  await flagRecentFromAddress(tx, source.ip, suspicious, now, ONLINE_BOOKING_LIMITS.windowHours);
}
