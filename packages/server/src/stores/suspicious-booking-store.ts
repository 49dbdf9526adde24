import type { Sql } from '../database/database.ts';

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

/**
 * Serialises online bookings for one contact until the transaction ends (a transaction-scoped
 * advisory lock), so two concurrent bookings for it count one after the other.
 */
export async function lockOnlineBookingContact(tx: Sql, contact: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('online-booking-contact:' || $1))`, [contact]);
}

/** Confirmed upcoming visits booked online for this contact. */
export async function countUpcomingForContact(sql: Sql, contact: string, now: Date): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from appointments
     where booked_contact = $1 and status = 'confirmed' and kind = 'visit' and starts_at > $2`,
    [contact, now.toISOString()],
  );
  return row?.n ?? 0;
}

export interface RecentOnlineBooking {
  contact: string;
  practitionerId: string;
  startsAt: Date;
}

/** Live bookings made from this address in the last `windowHours`. */
export async function listRecentFromAddress(sql: Sql, ip: string, now: Date, windowHours: number): Promise<RecentOnlineBooking[]> {
  return sql.query<RecentOnlineBooking>(
    `select booked_contact as contact, practitioner_id as "practitionerId", starts_at as "startsAt" from appointments
     where booked_from_ip = $1 and created_at > $2::timestamptz - make_interval(hours => $3) and status <> 'cancelled'`,
    [ip, now.toISOString(), windowHours],
  );
}

/** Records where an online booking came from, and why it is suspicious (null when it is not). */
export async function setOnlineBookingSource(sql: Sql, appointmentId: string, ip: string, contact: string, suspicious: string | null): Promise<void> {
  await sql.query('update appointments set booked_from_ip = $2, booked_contact = $3, suspicious_reason = $4 where id = $1', [
    appointmentId,
    ip,
    contact,
    suspicious,
  ]);
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
