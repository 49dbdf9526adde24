import type { Sql } from '../database/database.ts';

/**
 * The reads behind one patient's record page (clinical/load-patient-record.ts), each a list of
 * dated rows. The use case decides which of them a role receives; these only read.
 */

export interface RecordIntakeRow {
  id: string;
  appointmentId: string | null;
  appointmentStart: Date | null;
  status: string;
  savedAt: Date;
  submittedAt: Date | null;
}

/** The patient's intakes, one per visit, newest first. */
export function listRecordIntakes(sql: Sql, patientId: string): Promise<RecordIntakeRow[]> {
  return sql.query<RecordIntakeRow>(
    `select i.id, i.appointment_id as "appointmentId", a.starts_at as "appointmentStart", i.status, i.updated_at as "savedAt", i.submitted_at as "submittedAt"
     from intake_responses i left join appointments a on a.id = i.appointment_id
     where i.patient_id = $1 order by coalesce(i.submitted_at, i.updated_at) desc`,
    [patientId],
  );
}

export interface RecordConsentRow {
  id: string;
  appointmentId: string | null;
  version: string;
  language: string;
  signedAt: Date;
}

/** Every consent the patient signed, newest first (never the signature image). */
export function listRecordConsents(sql: Sql, patientId: string): Promise<RecordConsentRow[]> {
  return sql.query<RecordConsentRow>(
    `select id, appointment_id as "appointmentId", version, language, signed_at as "signedAt" from consents where patient_id = $1 order by signed_at desc`,
    [patientId],
  );
}

export interface RecordScreeningRow {
  id: string;
  outcome: string;
  result: { physicianReferral?: { urgency?: string; reason?: { en: string; ar: string } } };
  createdAt: Date;
}

/** Every screen of the patient, newest first: the latest is the summary, the referring ones are referrals. */
export function listRecordScreenings(sql: Sql, patientId: string): Promise<RecordScreeningRow[]> {
  return sql.query<RecordScreeningRow>(`select id, outcome, result, created_at as "createdAt" from screenings where patient_id = $1 order by created_at desc`, [
    patientId,
  ]);
}

export interface RecordNoteRow {
  id: string;
  signedAt: Date;
  authorName: string;
  signerName: string;
  appointmentId: string;
  visitStart: Date;
  serviceName: { en: string; ar: string };
}

/** The patient's signed session notes, newest first, with the visit and service they record. */
export function listSignedNotes(sql: Sql, patientId: string): Promise<RecordNoteRow[]> {
  return sql.query<RecordNoteRow>(
    `select n.id, n.signed_at as "signedAt", author.name as "authorName", signer.name as "signerName", a.id as "appointmentId",
       a.starts_at as "visitStart", json_build_object('en', s.name_en, 'ar', s.name_ar) as "serviceName"
     from session_notes n
     join treatment_sessions t on t.id = n.session_id
     join appointments a on a.id = t.appointment_id
     join services s on s.id = a.service_id
     join staff_users author on author.id = n.author_id
     join staff_users signer on signer.id = n.signed_by
     where n.patient_id = $1 and n.status = 'signed' order by n.signed_at desc`,
    [patientId],
  );
}

export interface RecordEpisodeScoreRow {
  episodeId: string;
  instrumentId: string;
  score: number | null;
  takenOn: string;
}

/** Each episode's latest score per instrument (a skipped measure has no row: "not measured" is never 0). */
export function listLatestEpisodeScores(sql: Sql, patientId: string): Promise<RecordEpisodeScoreRow[]> {
  return sql.query<RecordEpisodeScoreRow>(
    `select distinct on (episode_id, instrument_id) episode_id as "episodeId", instrument_id as "instrumentId", score, to_char(taken_on, 'YYYY-MM-DD') as "takenOn"
     from measurements where patient_id = $1 order by episode_id, instrument_id, taken_at desc, created_at desc`,
    [patientId],
  );
}

export interface RecordMessageRow {
  id: string;
  kind: string;
  subject: string;
  status: string;
  /** When it was sent, or when it is (or was) due. */
  at: Date;
}

/**
 * Messages to the patient: those about their visits, and those to their address with no visit
 * (waitlist, check-ins). Never bodies: they carry the patient's links.
 */
export function listPatientMessages(sql: Sql, patientId: string, limit = 200): Promise<RecordMessageRow[]> {
  return sql.query<RecordMessageRow>(
    `select o.id, o.kind, o.subject, o.status, coalesce(o.sent_at, o.send_after) as at
     from outbox o join patients p on p.id = $1
     where o.appointment_id in (select id from appointments where patient_id = $1)
        or (o.appointment_id is null and lower(o.recipient) = lower(p.email))
     order by coalesce(o.sent_at, o.send_after) desc limit $2`,
    [patientId, limit],
  );
}

export interface DemographicChangeRow {
  id: string;
  at: Date;
  action: string;
  actorType: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Audit rows that changed the patient's demographics, newest first. */
export function listDemographicChanges(sql: Sql, patientId: string, actions: readonly string[], limit = 200): Promise<DemographicChangeRow[]> {
  return sql.query<DemographicChangeRow>(
    `select l.id::text as id, l.at, l.action, l.actor_type as "actorType", u.name as "actorName", l.before, l.after
     from audit_log l left join staff_users u on u.id = l.actor_id
     where l.entity_type = 'patient' and l.entity_id = $1 and l.action = any($2::text[])
     order by l.id desc limit $3`,
    [patientId, actions, limit],
  );
}

export interface SubmittedAboutYou {
  intakeId: string;
  submittedAt: Date;
  answers: Record<string, unknown>;
}

/** The "about you" answers of the patient's latest submitted intake. */
export async function findLatestSubmittedAnswers(sql: Sql, patientId: string, linkIds: readonly string[]): Promise<SubmittedAboutYou | undefined> {
  const [intake] = await sql.query<{ id: string; submittedAt: Date }>(
    `select id, submitted_at as "submittedAt" from intake_responses where patient_id = $1 and status = 'submitted' order by submitted_at desc limit 1`,
    [patientId],
  );
  if (!intake) return undefined;
  const rows = await sql.query<{ linkId: string; value: unknown }>(
    'select link_id as "linkId", value from intake_answers where intake_id = $1 and link_id = any($2::text[])',
    [intake.id, linkIds],
  );
  return { intakeId: intake.id, submittedAt: intake.submittedAt, answers: Object.fromEntries(rows.map((r) => [r.linkId, r.value])) };
}

/** The newest intake of the patient with a pain map answered (submitted first), for the first assessment's body chart. */
export async function findLatestIntakePainMap(sql: Sql, patientId: string): Promise<{ intakeId: string; value: unknown } | undefined> {
  const [row] = await sql.query<{ intakeId: string; value: unknown }>(
    `select i.id as "intakeId", a.value from intake_responses i join intake_answers a on a.intake_id = i.id and a.link_id = 'pain-map'
     where i.patient_id = $1 order by (i.status = 'submitted') desc, coalesce(i.submitted_at, i.updated_at) desc limit 1`,
    [patientId],
  );
  return row;
}

/** Whether the patient has any assessment yet (the first one is seeded from the intake). */
export async function hasAssessment(sql: Sql, patientId: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from assessments where patient_id = $1 limit 1', [patientId]);
  return row !== undefined;
}

/** Marks the assessment's pain map as started from this intake (0017). */
export async function markPainMapFromIntake(sql: Sql, assessmentId: string, intakeId: string): Promise<void> {
  await sql.query('update assessments set pain_map_from_intake_id = $2 where id = $1', [assessmentId, intakeId]);
}

/** The intake an assessment's pain map was started from, with when it was submitted. */
export async function findPainMapSource(sql: Sql, assessmentId: string): Promise<{ intakeId: string; at: Date } | undefined> {
  const [row] = await sql.query<{ intakeId: string; at: Date }>(
    `select i.id as "intakeId", coalesce(i.submitted_at, i.updated_at) as at from assessments a join intake_responses i on i.id = a.pain_map_from_intake_id where a.id = $1`,
    [assessmentId],
  );
  return row;
}
