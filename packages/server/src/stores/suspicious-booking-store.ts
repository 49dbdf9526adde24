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
