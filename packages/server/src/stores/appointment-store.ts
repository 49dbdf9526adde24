import type { Sql } from '../database/database.ts';

export interface AppointmentRow {
  id: string;
  reference: string | null;
  kind: 'visit' | 'block' | 'hold';
  status: 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  serviceId: string | null;
  practitionerId: string | null;
  roomId: string | null;
  patientId: string | null;
  seriesId: string | null;
  startsAt: Date;
  endsAt: Date;
  source: string;
  note: string;
  manageTokenHash: string | null;
  holdExpiresAt: Date | null;
  createdAt: Date;
  cancelledAt: Date | null;
  /** iCalendar SEQUENCE: rises with every change the patient sees (0019_ical_sequence.sql). */
  icalSequence: number;
}

export const appointmentColumns = `a.id, a.reference, a.kind, a.status, a.service_id as "serviceId",
  a.practitioner_id as "practitionerId", a.room_id as "roomId", a.patient_id as "patientId",
  a.series_id as "seriesId", a.starts_at as "startsAt", a.ends_at as "endsAt", a.source, a.note,
  a.manage_token_hash as "manageTokenHash", a.hold_expires_at as "holdExpiresAt",
  a.created_at as "createdAt", a.cancelled_at as "cancelledAt", a.ical_sequence as "icalSequence"`;

export async function findAppointmentByReference(sql: Sql, reference: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  const [row] = await sql.query<AppointmentRow>(`select ${appointmentColumns} from appointments a where a.reference = $1 ${forUpdate ? 'for update' : ''}`, [
    reference,
  ]);
  return row;
}

export async function findAppointmentById(sql: Sql, id: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  const [row] = await sql.query<AppointmentRow>(`select ${appointmentColumns} from appointments a where a.id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
  return row;
}

/**
 * Two transactions inserting clashing rows under an exclusion constraint each wait for the
 * other, and PostgreSQL breaks the cycle with a deadlock. Writers of appointment times take this
 * transaction-scoped lock first, so they queue instead: the second sees the first committed and
 * its clash fails at once (409). A clinic books a few visits a minute; the queue costs nothing.
 */
export const SCHEDULE_WRITE_LOCK = 4242002;

export async function lockScheduleWrites(sql: Sql): Promise<void> {
  await sql.query('select pg_advisory_xact_lock($1)', [SCHEDULE_WRITE_LOCK]);
}

export interface NewAppointment {
  /** A visit given none gets a fresh one (migration 0032); holds and blocks have none. */
  reference: string | null;
  kind: 'visit' | 'block' | 'hold';
  serviceId: string | null;
  practitionerId: string | null;
  roomId: string | null;
  patientId: string | null;
  seriesId?: string | null;
  start: Date;
  end: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  manageTokenHash: string | null;
  source: 'online' | 'staff' | 'waitlist';
  note?: string;
  holdExpiresAt?: Date | null;
  now: Date;
}

/** Inserts; the exclusion constraints raise 23P01 when the practitioner or room is taken. */
export async function insertAppointment(sql: Sql, a: NewAppointment): Promise<AppointmentRow> {
  await lockScheduleWrites(sql);
  const [row] = await sql.query<AppointmentRow>(
    `insert into appointments as a (reference, kind, service_id, practitioner_id, room_id, patient_id, series_id,
       starts_at, ends_at, occupied, manage_token_hash, source, note, hold_expires_at, created_at)
     values (case when $2 = 'visit' then coalesce($1, new_booking_reference()) else $1 end, $2, $3, $4, $5, $6, $7, $8, $9,
       tstzrange($8::timestamptz - make_interval(mins => $10), $9::timestamptz + make_interval(mins => $11), '[)'),
       $12, $13, $14, $15, $16)
     returning ${appointmentColumns}`,
    [
      a.reference,
      a.kind,
      a.serviceId,
      a.practitionerId,
      a.roomId,
      a.patientId,
      a.seriesId ?? null,
      a.start.toISOString(),
      a.end.toISOString(),
      a.bufferBeforeMinutes,
      a.bufferAfterMinutes,
      a.manageTokenHash,
      a.source,
      a.note ?? '',
      a.holdExpiresAt?.toISOString() ?? null,
      a.now.toISOString(),
    ],
  );
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function cancelAppointmentRow(sql: Sql, id: string, now: Date, reason: string): Promise<AppointmentRow> {
  const [row] = await sql.query<AppointmentRow>(
    `update appointments a set status = 'cancelled', cancelled_at = $2, cancel_reason = $3 where a.id = $1 returning ${appointmentColumns}`,
    [id, now.toISOString(), reason],
  );
  if (!row) throw new Error('cancel matched no row');
  return row;
}

/** Moves an appointment; its buffers move with it. Raises 23P01 on a clash. */
export async function moveAppointmentRow(
  sql: Sql,
  id: string,
  move: { start: Date; end: Date; practitionerId: string | null; roomId: string | null; bufferBeforeMinutes: number; bufferAfterMinutes: number },
): Promise<AppointmentRow> {
  await lockScheduleWrites(sql);
  const [row] = await sql.query<AppointmentRow>(
    `update appointments a set starts_at = $2, ends_at = $3, practitioner_id = $4, room_id = $5,
       occupied = tstzrange($2::timestamptz - make_interval(mins => $6), $3::timestamptz + make_interval(mins => $7), '[)')
     where a.id = $1 returning ${appointmentColumns}`,
    [id, move.start.toISOString(), move.end.toISOString(), move.practitionerId, move.roomId, move.bufferBeforeMinutes, move.bufferAfterMinutes],
  );
  if (!row) throw new Error('move matched no row');
  return row;
}

/** The patient did not come: a past visit still confirmed becomes a no-show (kept on the calendar, not in the episode's visits). */
export async function markAppointmentNoShow(sql: Sql, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await sql.query<AppointmentRow>(
    `update appointments a set status = 'no_show' where a.id = $1 and a.kind = 'visit' and a.status = 'confirmed' returning ${appointmentColumns}`,
    [id],
  );
  return row;
}

export interface AppointmentParties {
  patientName: string;
  patientEmail: string;
  /** The patient's preferred language. */
  language: 'en' | 'ar';
  serviceName: { en: string; ar: string };
  /** Null for a visit with no practitioner named. */
  practitionerName: { en: string; ar: string } | null;
}

/** Who and what a visit is for, in both languages: what its messages and the patient's booking page name. */
export async function findAppointmentParties(sql: Sql, appointmentId: string): Promise<AppointmentParties | undefined> {
  const [row] = await sql.query<AppointmentParties>(
    `select pt.name as "patientName", pt.email as "patientEmail", pt.preferred_language as language,
       json_build_object('en', s.name_en, 'ar', s.name_ar) as "serviceName",
       case when p.id is null then null else json_build_object('en', p.name_en, 'ar', p.name_ar) end as "practitionerName"
     from appointments a join patients pt on pt.id = a.patient_id join services s on s.id = a.service_id
     left join practitioners p on p.id = a.practitioner_id where a.id = $1`,
    [appointmentId],
  );
  return row;
}

/** Sets a visit's status alone (rescheduling frees the visit's own time while it looks for the new one). */
export async function setAppointmentStatus(sql: Sql, id: string, status: 'confirmed' | 'cancelled'): Promise<void> {
  await sql.query('update appointments set status = $2 where id = $1', [id, status]);
}

/**
 * The first of `roomIds` (in their order) that no live appointment occupies during [start, end),
 * or undefined when all are taken. The caller holds the schedule lock (lockScheduleWrites), so the
 * answer stands until its insert; the room exclusion constraint still has the final word.
 */
export async function firstFreeRoom(sql: Sql, roomIds: readonly string[], start: Date, end: Date): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>(
    `select r.id from unnest($1::text[]) with ordinality as r(id, n)
     where not exists (
       select 1 from appointments a
       where a.room_id = r.id and a.status <> 'cancelled' and a.occupied && tstzrange($2, $3, '[)'))
     order by r.n limit 1`,
    [roomIds, start.toISOString(), end.toISOString()],
  );
  return row?.id;
}
