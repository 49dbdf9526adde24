import { assessOnlineBooking, ONLINE_BOOKING_LIMITS, type SuspicionReason } from '@myomap/domain/scheduling/assess-online-booking';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { localDate } from '../lib/zoned-time.ts';

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
  await tx.query(`select pg_advisory_xact_lock(hashtext('online-booking-contact:' || $1))`, [contact]);
  const [held] = await tx.query<{ n: number }>(
    `select count(*)::int as n from appointments
     where booked_contact = $1 and status = 'confirmed' and kind = 'visit' and starts_at > $2`,
    [contact, now.toISOString()],
  );
  const recent = await tx.query<{ booked_contact: string; practitioner_id: string; starts_at: Date }>(
    `select booked_contact, practitioner_id, starts_at from appointments
     where booked_from_ip = $1 and created_at > $2::timestamptz - make_interval(hours => $3) and status <> 'cancelled'`,
    [source.ip, now.toISOString(), ONLINE_BOOKING_LIMITS.windowHours],
  );
  const verdict = assessOnlineBooking(
    {
      contact,
      practitionerId: source.practitionerId,
      localDate: localDate(source.start, source.timeZone),
      upcomingForContact: held?.n ?? 0,
      recentFromAddress: recent.map((r) => ({
        contact: r.booked_contact,
        practitionerId: r.practitioner_id,
        localDate: localDate(new Date(r.starts_at), source.timeZone),
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
  await tx.query('update appointments set booked_from_ip = $2, booked_contact = $3, suspicious_reason = $4 where id = $1', [
    appointmentId,
    source.ip,
    source.contact.trim().toLowerCase(),
    suspicious,
  ]);
  if (!suspicious) return;
  await tx.query(
    `update appointments set suspicious_reason = $2
     where booked_from_ip = $1 and suspicious_reason is null and suspicious_reviewed_at is null and status = 'confirmed'
       and created_at > $3::timestamptz - make_interval(hours => $4)`,
    [source.ip, suspicious, now.toISOString(), ONLINE_BOOKING_LIMITS.windowHours],
  );
}
