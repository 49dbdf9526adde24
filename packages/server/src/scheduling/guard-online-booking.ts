import { assessOnlineBooking, ONLINE_BOOKING_LIMITS, type SuspicionReason } from '@myomap/domain/scheduling/assess-online-booking';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { localDate } from '../lib/zoned-time.ts';
import { flagRecentFromAddress, lockOnlineBookingContactAndSchedule, readOnlineBookingHistory } from '../stores/suspicious-booking-store.ts';

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
 * bookings for one contact count one after the other; the same statement takes the schedule
 * write lock the booking's insert needs (two statements: the locks, then one read of both counts).
 */
export async function guardOnlineBooking(tx: Sql, source: OnlineBookingSource, now: Date, maxUpcomingPerContact: number): Promise<SuspicionReason | null> {
  const limits = { ...ONLINE_BOOKING_LIMITS, maxUpcomingPerContact };
  const contact = source.contact.trim().toLowerCase();
  await lockOnlineBookingContactAndSchedule(tx, contact);
  const { upcoming, recent } = await readOnlineBookingHistory(tx, contact, source.ip, now, ONLINE_BOOKING_LIMITS.windowHours);
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
 * Flags the other unreviewed bookings from the address of a suspicious one, so reception sees the
 * whole run (the booking itself carries its source and reason from its insert).
 */
export async function flagRunFromAddress(tx: Sql, source: OnlineBookingSource, suspicious: SuspicionReason | null, now: Date): Promise<void> {
  if (suspicious) await flagRecentFromAddress(tx, source.ip, suspicious, now, ONLINE_BOOKING_LIMITS.windowHours);
}

/** The contact as online bookings are counted by it. */
export const bookingContact = (source: OnlineBookingSource) => source.contact.trim().toLowerCase();
