import type { AdverseCheckinAlertParams, ProgressAlertParams } from '@myomap/contract/treatment/aftercare.schemas';
import type { Sql } from '../database/database.ts';

/** Aftercare check-ins (one per signed session, reached by the patient's token) and staff alerts. */

export interface CheckinRow {
  id: string;
  sessionId: string;
  opensAt: Date;
  answeredAt: Date | null;
  patientId: string;
  patientName: string;
  language: 'en' | 'ar';
  sessionStartedAt: Date;
  therapistId: string;
}

export async function findCheckinByTokenHash(sql: Sql, tokenHash: string): Promise<CheckinRow | undefined> {
  const [row] = await sql.query<CheckinRow>(
    `select c.id, c.session_id as "sessionId", c.opens_at as "opensAt", c.answered_at as "answeredAt", c.patient_id as "patientId", p.name as "patientName",
       p.preferred_language as language, s.started_at as "sessionStartedAt", s.therapist_id as "therapistId"
     from aftercare_checkins c join patients p on p.id = c.patient_id join treatment_sessions s on s.id = c.session_id where c.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

export async function recordCheckinAnswer(
  tx: Sql,
  id: string,
  answer: { soreness: number; relief: string; unexpected: readonly string[]; notes: string | null; adverse: boolean; at: Date },
): Promise<void> {
  await tx.query(`update aftercare_checkins set answered_at = $2, soreness = $3, relief = $4, unexpected = $5, notes = $6, adverse = $7 where id = $1`, [
    id,
    answer.at.toISOString(),
    answer.soreness,
    answer.relief,
    JSON.stringify(answer.unexpected),
    answer.notes,
    answer.adverse,
  ]);
}

export async function insertStaffAlert(
  tx: Sql,
  alert: { userId: string; kind: string; patientId: string; message: string; params: object; now: Date },
): Promise<void> {
  await tx.query('insert into staff_alerts (user_id, kind, patient_id, message, params, created_at) values ($1, $2, $3, $4, $5, $6)', [
    alert.userId,
    alert.kind,
    alert.patientId,
    alert.message,
    JSON.stringify(alert.params),
    alert.now.toISOString(),
  ]);
}

/** An alert about an episode of care, raised once per episode and kind (unique index, 0015); false when it already was. */
export async function insertEpisodeStaffAlert(
  tx: Sql,
  alert: { userId: string; kind: string; patientId: string; episodeId: string; message: string; params: object; now: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `insert into staff_alerts (user_id, kind, patient_id, episode_id, message, params, created_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (episode_id, kind) where episode_id is not null do nothing returning id`,
    [alert.userId, alert.kind, alert.patientId, alert.episodeId, alert.message, JSON.stringify(alert.params), alert.now.toISOString()],
  );
  return rows.length > 0;
}

export interface StaffAlertRow {
  id: string;
  kind: string;
  patientId: string | null;
  patientName: string | null;
  message: string;
  /** Null on alerts written before 0018. */
  params: AdverseCheckinAlertParams | ProgressAlertParams | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A staff member's alerts, unread first, newest first (at most 100). */
export function listStaffAlerts(sql: Sql, userId: string): Promise<StaffAlertRow[]> {
  return sql.query<StaffAlertRow>(
    `select a.id, a.kind, a.patient_id as "patientId", p.name as "patientName", a.message, a.params, a.created_at as "createdAt", a.read_at as "readAt"
     from staff_alerts a left join patients p on p.id = a.patient_id where a.user_id = $1 order by a.read_at nulls first, a.created_at desc limit 100`,
    [userId],
  );
}

/** Marks the user's own unread alert read; false when there was none to mark. */
export async function markStaffAlertRead(tx: Sql, id: string, userId: string, now: Date): Promise<boolean> {
  const rows = await tx.query('update staff_alerts set read_at = $3 where id = $1 and user_id = $2 and read_at is null returning id', [
    id,
    userId,
    now.toISOString(),
  ]);
  return rows.length > 0;
}

export interface SessionPatientRow {
  patientId: string;
  name: string;
  email: string;
  language: 'en' | 'ar';
}

/** The patient a treatment session was for, with how to reach them. */
export async function findSessionPatient(sql: Sql, sessionId: string): Promise<SessionPatientRow | undefined> {
  const [row] = await sql.query<SessionPatientRow>(
    `select s.patient_id as "patientId", p.name, p.email, p.preferred_language as language from treatment_sessions s join patients p on p.id = s.patient_id where s.id = $1`,
    [sessionId],
  );
  return row;
}

/** One check-in per session: false when the session already has one (aftercare is scheduled once). */
export async function insertCheckin(
  tx: Sql,
  checkin: { sessionId: string; patientId: string; tokenHash: string; opensAt: Date; followUpAt: Date },
): Promise<boolean> {
  const inserted = await tx.query(
    `insert into aftercare_checkins (session_id, patient_id, token_hash, opens_at, follow_up_due_at) values ($1, $2, $3, $4, $5)
     on conflict (session_id) do nothing returning id`,
    [checkin.sessionId, checkin.patientId, checkin.tokenHash, checkin.opensAt.toISOString(), checkin.followUpAt.toISOString()],
  );
  return inserted.length > 0;
}

export interface DueFollowUpRow {
  id: string;
  patientId: string;
  name: string;
  email: string;
  language: 'en' | 'ar';
  /** The patient already has a confirmed visit ahead. */
  hasNext: boolean;
}

/** Follow-ups due by `now` and not yet done, locked (SKIP LOCKED: another instance takes the rest). */
export function claimDueFollowUps(tx: Sql, now: Date): Promise<DueFollowUpRow[]> {
  return tx.query<DueFollowUpRow>(
    `select c.id, c.patient_id as "patientId", p.name, p.email, p.preferred_language as language,
       exists (select 1 from appointments a where a.patient_id = c.patient_id and a.kind = 'visit' and a.status = 'confirmed' and a.starts_at > $1) as "hasNext"
     from aftercare_checkins c join patients p on p.id = c.patient_id
     where c.follow_up_done_at is null and c.follow_up_due_at <= $1
     for update of c skip locked`,
    [now.toISOString()],
  );
}

export async function markFollowUpDone(tx: Sql, id: string, now: Date): Promise<void> {
  await tx.query('update aftercare_checkins set follow_up_done_at = $2 where id = $1', [id, now.toISOString()]);
}
