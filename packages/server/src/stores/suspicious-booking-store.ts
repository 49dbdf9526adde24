import type { Sql } from '../database/database.ts';
import { SCHEDULE_WRITE_LOCK } from './appointment-store.ts';

export interface FlaggedBookingRow {
  id: string;
  reference: string;
  startsAt: Date;
  serviceName: string;
  practitionerName: string | null;
  patientName: string;
  contact: string;
  bookedFromIp: string;
  reason: string;
  createdAt: Date;
}

/** Upcoming confirmed online bookings the abuse rule flagged and no one has reviewed, grouped by address. */
export async function listFlaggedBookings(sql: Sql, now: Date): Promise<FlaggedBookingRow[]> {
  return sql.query<FlaggedBookingRow>(
    `select a.id, a.reference, a.starts_at as "startsAt", s.name_en as "serviceName", p.name_en as "practitionerName", pt.name as "patientName",
       a.booked_contact as contact, a.booked_from_ip as "bookedFromIp", a.suspicious_reason as reason, a.created_at as "createdAt"
     from appointments a join services s on s.id = a.service_id join patients pt on pt.id = a.patient_id
     left join practitioners p on p.id = a.practitioner_id
     where a.suspicious_reason is not null and a.suspicious_reviewed_at is null and a.status = 'confirmed' and a.starts_at > $1
     order by a.booked_from_ip, a.created_at limit 500`,
    [now.toISOString()],
  );
}

export async function findSuspicionReason(sql: Sql, appointmentId: string): Promise<string | null> {
  const [flag] = await sql.query<{ reason: string | null }>('select suspicious_reason as reason from appointments where id = $1', [appointmentId]);
  return flag?.reason ?? null;
}

export async function markSuspicionReviewed(sql: Sql, appointmentId: string, now: Date): Promise<void> {
  await sql.query('update appointments set suspicious_reviewed_at = $2 where id = $1', [appointmentId, now.toISOString()]);
}

/** Marks a flagged, unreviewed booking reviewed; its reason, or undefined when none awaits review. */
export async function reviewPendingSuspicion(sql: Sql, appointmentId: string, now: Date): Promise<{ id: string; reason: string } | undefined> {
  const [row] = await sql.query<{ id: string; reason: string }>(
    `update appointments set suspicious_reviewed_at = $2 where id = $1 and suspicious_reason is not null and suspicious_reviewed_at is null
     returning id, suspicious_reason as reason`,
    [appointmentId, now.toISOString()],
  );
  return row;
}

/** A live booking made from an address in the window (its start as JSON sends it, an ISO string). */
export interface RecentOnlineBooking {
  contact: string;
  practitionerId: string;
  startsAt: string;
}

/** Flags the other unreviewed confirmed bookings from this address in the window with the same reason. */
export async function flagRecentFromAddress(sql: Sql, ip: string, reason: string, now: Date, windowHours: number): Promise<void> {
  await sql.query(
    `update appointments set suspicious_reason = $2
     where booked_from_ip = $1 and suspicious_reason is null and suspicious_reviewed_at is null and status = 'confirmed'
       and created_at > $3::timestamptz - make_interval(hours => $4)`,
    [ip, reason, now.toISOString(), windowHours],
  );
}

/**
 * An online booking's two locks in one statement, in this order: the contact's (two bookings for
 * one contact count one after the other) and the schedule write lock (appointment-store.ts), which
 * the booking's insert would take next anyway. Every other writer takes only the schedule lock, so
 * the order cannot deadlock.
 */
export async function lockOnlineBookingContactAndSchedule(tx: Sql, contact: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('online-booking-contact:' || $1)), pg_advisory_xact_lock($2)`, [contact, SCHEDULE_WRITE_LOCK]);
}

/**
 * The abuse rule's facts in one read: the contact's confirmed upcoming online visits, and the live
 * bookings made from this address in the last `windowHours`. Run after the locks, so it sees every
 * earlier booking for the contact.
 */
export async function readOnlineBookingHistory(
  sql: Sql,
  contact: string,
  ip: string,
  now: Date,
  windowHours: number,
): Promise<{ upcoming: number; recent: RecentOnlineBooking[] }> {
  const [row] = await sql.query<{ upcoming: number; recent: RecentOnlineBooking[] }>(
    `select (select count(*)::int from appointments
              where booked_contact = $1 and status = 'confirmed' and kind = 'visit' and starts_at > $3) as upcoming,
            coalesce((select json_agg(json_build_object('contact', booked_contact, 'practitionerId', practitioner_id, 'startsAt', starts_at))
              from appointments where booked_from_ip = $2 and created_at > $3::timestamptz - make_interval(hours => $4) and status <> 'cancelled'),
              '[]') as recent`,
    [contact, ip, now.toISOString(), windowHours],
  );
  return { upcoming: row?.upcoming ?? 0, recent: row?.recent ?? [] };
}
