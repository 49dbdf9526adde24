import type { Sql } from '../database/database.ts';

export interface CalendarRow {
  id: string;
  kind: 'visit' | 'block' | 'hold';
  status: string;
  reference: string | null;
  startsAt: Date;
  endsAt: Date;
  practitionerId: string | null;
  roomId: string | null;
  serviceId: string | null;
  serviceName: string | null;
  patientId: string | null;
  patientName: string | null;
  note: string;
  source: string;
  holdExpiresAt: Date | null;
}

/** Every appointment that is not cancelled and overlaps [from, to), optionally for one practitioner or room. */
export async function listCalendarRows(
  sql: Sql,
  range: { from: Date; to: Date; practitionerId?: string | undefined; roomId?: string | undefined },
): Promise<CalendarRow[]> {
  return sql.query<CalendarRow>(
    `select a.id, a.kind, a.status, a.reference, a.starts_at as "startsAt", a.ends_at as "endsAt", a.practitioner_id as "practitionerId",
       a.room_id as "roomId", a.service_id as "serviceId", s.name_en as "serviceName", a.patient_id as "patientId", pt.name as "patientName",
       a.note, a.source, a.hold_expires_at as "holdExpiresAt"
     from appointments a left join patients pt on pt.id = a.patient_id left join services s on s.id = a.service_id
     where a.status <> 'cancelled' and a.starts_at < $2 and a.ends_at > $1
       and ($3::text is null or a.practitioner_id = $3) and ($4::text is null or a.room_id = $4)
     order by a.starts_at`,
    [range.from.toISOString(), range.to.toISOString(), range.practitionerId ?? null, range.roomId ?? null],
  );
}

/** The first active room free over [start, end) widened by the buffers, or undefined. */
export async function findFreeRoom(
  sql: Sql,
  slot: { start: Date; end: Date; bufferBeforeMinutes: number; bufferAfterMinutes: number },
): Promise<string | undefined> {
  const [free] = await sql.query<{ id: string }>(
    `select r.id from rooms r where r.active and not exists (
       select 1 from appointments a where a.room_id = r.id and a.status <> 'cancelled'
         and a.occupied && tstzrange($1::timestamptz - make_interval(mins => $3), $2::timestamptz + make_interval(mins => $4), '[)'))
     order by r.id limit 1`,
    [slot.start.toISOString(), slot.end.toISOString(), slot.bufferBeforeMinutes, slot.bufferAfterMinutes],
  );
  return free?.id;
}

/** A moved visit's pending reminder is void: a new one is queued for the new time. */
export async function cancelPendingReminders(sql: Sql, appointmentId: string): Promise<void> {
  await sql.query(`update outbox set status = 'cancelled' where appointment_id = $1 and kind = 'reminder' and status = 'pending'`, [appointmentId]);
}

/**
 * A visit moved back to a time it had before (an undo) gets that time's reminder again: the
 * outbox's dedupe key refuses a second copy, so the cancelled one is reinstated if still due.
 */
export async function reinstateReminder(sql: Sql, appointmentId: string, startsAt: Date, now: Date): Promise<void> {
  await sql.query(
    `update outbox set status = 'pending' where appointment_id = $1 and kind = 'reminder' and status = 'cancelled' and dedupe_key = $2 and send_after > $3`,
    [appointmentId, `reminder:${appointmentId}:${startsAt.toISOString()}`, now],
  );
}

export async function findPractitionerByCalendarToken(sql: Sql, practitionerId: string, token: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await sql.query<{ id: string; name: string }>('select id, name_en as name from practitioners where id = $1 and calendar_token = $2', [
    practitionerId,
    token,
  ]);
  return row;
}

/** The practitioner's feed token (the key in their feed URL), or undefined for no such practitioner. */
export async function findCalendarFeedToken(sql: Sql, practitionerId: string): Promise<string | undefined> {
  const [row] = await sql.query<{ token: string }>('select calendar_token as token from practitioners where id = $1', [practitionerId]);
  return row?.token;
}

/** Replaces the feed token: the old URL stops working at once. Undefined for no such practitioner. */
export async function replaceCalendarFeedToken(sql: Sql, practitionerId: string, token: string): Promise<string | undefined> {
  const [row] = await sql.query<{ token: string }>('update practitioners set calendar_token = $2 where id = $1 returning calendar_token as token', [
    practitionerId,
    token,
  ]);
  return row?.token;
}

export interface FeedRow {
  id: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  /** First name only: the feed is read on a phone, outside the clinic. */
  patientFirstName: string | null;
  serviceName: string | null;
  room: string | null;
  icalSequence: number;
}

/** A practitioner's visits and blocks from 30 days ago on (holds are not shown), at most 2000. */
export async function listFeedRows(sql: Sql, practitionerId: string, now: Date): Promise<FeedRow[]> {
  return sql.query<FeedRow>(
    `select a.id, a.kind, a.starts_at as "startsAt", a.ends_at as "endsAt", split_part(pt.name, ' ', 1) as "patientFirstName", s.name_en as "serviceName", r.name_en as room,
       a.ical_sequence as "icalSequence"
     from appointments a left join patients pt on pt.id = a.patient_id left join services s on s.id = a.service_id left join rooms r on r.id = a.room_id
     where a.practitioner_id = $1 and a.status <> 'cancelled' and a.kind <> 'hold' and a.starts_at > $2::timestamptz - interval '30 days'
     order by a.starts_at limit 2000`,
    [practitionerId, now.toISOString()],
  );
}
