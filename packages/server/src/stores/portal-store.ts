import type { Sql } from '../database/database.ts';
import { appointmentColumns, type AppointmentRow } from './appointment-store.ts';

/** A patient the portal may show for an email: every live (not merged) record that holds it. */
export interface PortalPatientRow {
  id: string;
  name: string;
  relationship: 'self' | 'parent' | 'guardian' | 'carer' | 'other' | null;
  dateOfBirth: string | null;
  preferredLanguage: 'en' | 'ar';
}

export async function findPortalPatients(sql: Sql, email: string): Promise<PortalPatientRow[]> {
  return sql.query<PortalPatientRow>(
    `select p.id, p.name, to_char(p.date_of_birth, 'YYYY-MM-DD') as "dateOfBirth", p.preferred_language as "preferredLanguage", r.relationship
     from patients p left join portal_relationships r on r.email = $1 and r.patient_id = p.id
     where lower(p.email) = $1 and p.identity_status <> 'merged' order by p.created_at, p.id`,
    [email],
  );
}

export interface NewPortalSignIn {
  id: string;
  email: string;
  linkHash: string;
  codeHash: string;
  now: Date;
  expiresAt: Date;
}

export async function insertPortalSignIn(sql: Sql, s: NewPortalSignIn): Promise<void> {
  await sql.query(`insert into portal_sign_ins (id, email, link_hash, code_hash, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)`, [
    s.id,
    s.email,
    s.linkHash,
    s.codeHash,
    s.now.toISOString(),
    s.expiresAt.toISOString(),
  ]);
}

export interface PortalSignInRow {
  id: string;
  email: string;
  codeHash: string;
  failedCodes: number;
}

/** An unused, unexpired sign-in by its link, locked so that two clicks cannot both use it. */
export async function claimPortalSignInByLink(sql: Sql, linkHash: string, now: Date): Promise<PortalSignInRow | undefined> {
  const [row] = await sql.query<PortalSignInRow>(
    `select id, email, code_hash as "codeHash", failed_codes as "failedCodes" from portal_sign_ins
     where link_hash = $1 and used_at is null and expires_at > $2 for update`,
    [linkHash, now.toISOString()],
  );
  return row;
}

/** The email's unused, unexpired sign-ins with codes left to try, newest first, locked. */
export async function findOpenPortalSignIns(sql: Sql, email: string, now: Date, maxFailedCodes: number): Promise<PortalSignInRow[]> {
  return sql.query<PortalSignInRow>(
    `select id, email, code_hash as "codeHash", failed_codes as "failedCodes" from portal_sign_ins
     where email = $1 and used_at is null and expires_at > $2 and failed_codes < $3 order by created_at desc for update`,
    [email, now.toISOString(), maxFailedCodes],
  );
}

export async function markPortalSignInUsed(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query('update portal_sign_ins set used_at = $2 where id = $1', [id, now.toISOString()]);
}

export async function countFailedPortalCode(sql: Sql, ids: readonly string[]): Promise<void> {
  await sql.query('update portal_sign_ins set failed_codes = failed_codes + 1 where id = any($1::text[])', [ids]);
}

export interface PortalSessionRow {
  email: string;
  patientId: string;
  csrfToken: string;
  lastSeenAt: Date;
}

export async function insertPortalSession(
  sql: Sql,
  s: { idHash: string; email: string; patientId: string; csrfToken: string; now: Date; expiresAt: Date },
): Promise<void> {
  await sql.query(
    `insert into portal_sessions (id_hash, email, patient_id, csrf_token, created_at, last_seen_at, expires_at) values ($1, $2, $3, $4, $5, $5, $6)`,
    [s.idHash, s.email, s.patientId, s.csrfToken, s.now.toISOString(), s.expiresAt.toISOString()],
  );
}

/**
 * A live portal session, only while its chosen patient still holds the session's email (a record
 * whose email the clinic changed, or that was merged away, is no longer this visitor's to see).
 */
export async function findLivePortalSession(sql: Sql, idHash: string, now: Date, idleMinutes: number): Promise<PortalSessionRow | undefined> {
  const [row] = await sql.query<PortalSessionRow>(
    `select s.email, s.patient_id as "patientId", s.csrf_token as "csrfToken", s.last_seen_at as "lastSeenAt"
     from portal_sessions s join patients p on p.id = s.patient_id
     where s.id_hash = $1 and s.expires_at > $2 and s.last_seen_at > $2::timestamptz - make_interval(mins => $3)
       and lower(p.email) = s.email and p.identity_status <> 'merged'`,
    [idHash, now.toISOString(), idleMinutes],
  );
  return row;
}

export async function touchPortalSession(sql: Sql, idHash: string, now: Date): Promise<void> {
  await sql.query('update portal_sessions set last_seen_at = $2 where id_hash = $1', [idHash, now.toISOString()]);
}

export async function setPortalSessionPatient(sql: Sql, idHash: string, patientId: string): Promise<void> {
  await sql.query('update portal_sessions set patient_id = $2 where id_hash = $1', [idHash, patientId]);
}

export async function deletePortalSession(sql: Sql, idHash: string): Promise<void> {
  await sql.query('delete from portal_sessions where id_hash = $1', [idHash]);
}

/** A patient's visits (not staff blocks or holds), soonest first. */
export async function listPatientVisits(sql: Sql, patientId: string): Promise<AppointmentRow[]> {
  return sql.query<AppointmentRow>(`select ${appointmentColumns} from appointments a where a.patient_id = $1 and a.kind = 'visit' order by a.starts_at`, [
    patientId,
  ]);
}

export interface PortalScoreRow {
  instrumentId: string;
  takenOn: string;
  score: number;
}

/** A patient's scored measures in date order (a measure corrected later is a new row: the latest of a day wins). */
export async function listPatientScores(sql: Sql, patientId: string): Promise<PortalScoreRow[]> {
  return sql.query<PortalScoreRow>(
    `select distinct on (instrument_id, taken_on) instrument_id as "instrumentId", to_char(taken_on, 'YYYY-MM-DD') as "takenOn", score
     from measurements where patient_id = $1 and score is not null order by instrument_id, taken_on, taken_at desc, created_at desc`,
    [patientId],
  );
}

export interface PortalCheckInRow {
  opensAt: Date;
  answeredAt: Date | null;
  soreness: number | null;
  relief: string | null;
}

export async function listPatientCheckIns(sql: Sql, patientId: string, now: Date): Promise<PortalCheckInRow[]> {
  return sql.query<PortalCheckInRow>(
    `select opens_at as "opensAt", answered_at as "answeredAt", soreness, relief from aftercare_checkins
     where patient_id = $1 and opens_at <= $2 order by opens_at desc limit 50`,
    [patientId, now.toISOString()],
  );
}

/** The intake of the patient's next confirmed visit: undefined when no visit lies ahead. */
export async function findNextVisitIntake(sql: Sql, patientId: string, now: Date): Promise<{ appointmentId: string; submitted: boolean } | undefined> {
  const [row] = await sql.query<{ appointmentId: string; submitted: boolean }>(
    `select a.id as "appointmentId", coalesce(i.status = 'submitted', false) as submitted from appointments a left join intake_responses i on i.appointment_id = a.id
     where a.patient_id = $1 and a.kind = 'visit' and a.status = 'confirmed' and a.starts_at > $2 order by a.starts_at limit 1`,
    [patientId, now.toISOString()],
  );
  return row;
}

export interface PortalMessageRow {
  id: string;
  subject: string;
  sentAt: Date;
  bodyText: string;
  sealed: boolean;
}

/** Messages the clinic sent the patient (sent ones only), latest first. */
export async function listPatientMessages(sql: Sql, patientId: string): Promise<PortalMessageRow[]> {
  return sql.query<PortalMessageRow>(
    `select id, subject, sent_at as "sentAt", body_text as "bodyText", sealed_links is not null as sealed from outbox
     where patient_id = $1 and status = 'sent' and sent_at is not null order by sent_at desc limit 100`,
    [patientId],
  );
}

/** The home program of the patient's latest approved plan (selfCareId and the plan's dose), or undefined. */
export async function findApprovedHomeProgram(
  sql: Sql,
  patientId: string,
): Promise<{ approvedAt: Date; items: { selfCareId: string; dose: string }[] } | undefined> {
  const [row] = await sql.query<{ approvedAt: Date; items: { selfCareId: string; dose: string }[] | null }>(
    `select coalesce(cosigned_at, approved_at) as "approvedAt", data->'homeProgram' as items from treatment_plans
     where patient_id = $1 and status = 'approved' order by coalesce(cosigned_at, approved_at) desc, created_at desc limit 1`,
    [patientId],
  );
  return row ? { approvedAt: row.approvedAt, items: row.items ?? [] } : undefined;
}

export interface PortalReferralRow {
  id: string;
  providerName: string;
  providerKind: string;
  redFlag: boolean;
  source: 'physician_review' | 'plan' | 'record';
  urgency: 'emergency' | 'same_day' | 'soon' | 'routine';
  status: string;
  signedAt: Date;
  sentAt: Date | null;
  appointmentOn: string | null;
}

/** The patient's referrals out, once signed: who, why (as codes), status and dates; never the reason text or notes. */
export async function listPatientReferrals(sql: Sql, patientId: string): Promise<PortalReferralRow[]> {
  return sql.query<PortalReferralRow>(
    `select r.id, coalesce(p.name, '') as "providerName", coalesce(p.kind, '') as "providerKind", r.red_flag as "redFlag", r.source,
       r.urgency, r.status, r.signed_at as "signedAt", to_char(r.appointment_on, 'YYYY-MM-DD') as "appointmentOn",
       (select min(h.at) from referral_status_history h where h.referral_id = r.id and h.to_status = 'sent') as "sentAt"
     from referrals r left join referral_providers p on p.id = r.provider_id
     where r.patient_id = $1 and r.direction = 'out' and r.signed_at is not null order by r.signed_at desc limit 100`,
    [patientId],
  );
}

/** Letters kept for the patient that are addressed to them (a discharge summary), not letters to other clinicians. */
export async function listPatientLetters(sql: Sql, patientId: string): Promise<{ id: string; title: string; kind: string; createdAt: Date }[]> {
  return sql.query(
    `select id, title, kind, created_at as "createdAt" from documents where patient_id = $1 and kind = 'discharge_summary' order by created_at desc`,
    [patientId],
  );
}

export interface PortalRequestRow {
  id: string;
  patientId: string;
  patientName: string;
  kind: 'correction' | 'deletion';
  details: string;
  status: 'open' | 'done' | 'declined';
  createdAt: Date;
  answeredAt: Date | null;
  answer: string | null;
}

const requestColumns = `r.id, r.patient_id as "patientId", p.name as "patientName", r.kind, r.details, r.status,
  r.created_at as "createdAt", r.answered_at as "answeredAt", r.answer`;

export async function insertPortalRequest(
  sql: Sql,
  r: { patientId: string; kind: 'correction' | 'deletion'; details: string; now: Date },
): Promise<PortalRequestRow> {
  const [row] = await sql.query<{ id: string }>(`insert into portal_requests (patient_id, kind, details, created_at) values ($1, $2, $3, $4) returning id`, [
    r.patientId,
    r.kind,
    r.details,
    r.now.toISOString(),
  ]);
  const found = row ? await findPortalRequest(sql, row.id) : undefined;
  if (!found) throw new Error('portal request insert returned no row');
  return found;
}

export async function findPortalRequest(sql: Sql, id: string, forUpdate = false): Promise<PortalRequestRow | undefined> {
  const [row] = await sql.query<PortalRequestRow>(
    `select ${requestColumns} from portal_requests r join patients p on p.id = r.patient_id where r.id = $1 ${forUpdate ? 'for update of r' : ''}`,
    [id],
  );
  return row;
}

export async function listPortalRequests(sql: Sql, filter: { patientId?: string; openOnly?: boolean }): Promise<PortalRequestRow[]> {
  return sql.query<PortalRequestRow>(
    `select ${requestColumns} from portal_requests r join patients p on p.id = r.patient_id
     where ($1::text is null or r.patient_id = $1) and (not $2 or r.status = 'open') order by r.created_at desc limit 500`,
    [filter.patientId ?? null, filter.openOnly ?? false],
  );
}

export async function answerPortalRequest(sql: Sql, a: { id: string; status: 'done' | 'declined'; answer: string; staffId: string; now: Date }): Promise<void> {
  await sql.query(`update portal_requests set status = $2, answer = $3, answered_by = $4, answered_at = $5 where id = $1`, [
    a.id,
    a.status,
    a.answer,
    a.staffId,
    a.now.toISOString(),
  ]);
}

export async function findPortalPatient(sql: Sql, patientId: string): Promise<PortalPatientRow | undefined> {
  const [row] = await sql.query<PortalPatientRow>(
    `select id, name, to_char(date_of_birth, 'YYYY-MM-DD') as "dateOfBirth", preferred_language as "preferredLanguage", null as relationship from patients where id = $1`,
    [patientId],
  );
  return row;
}

export async function upsertPortalRelationship(sql: Sql, r: { email: string; patientId: string; relationship: string; now: Date }): Promise<void> {
  await sql.query(
    `insert into portal_relationships (email, patient_id, relationship, recorded_at) values ($1, $2, $3, $4)
     on conflict (email, patient_id) do update set relationship = excluded.relationship, recorded_at = excluded.recorded_at`,
    [r.email, r.patientId, r.relationship, r.now.toISOString()],
  );
}
