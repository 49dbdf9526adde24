import type { Sql } from '../database/database.ts';

export interface UnreviewedScreeningRow {
  patientId: string;
  patientName: string;
  outcome: string;
  /** The stored screening result (domain/screening/screening-result.ts). */
  result: { redFlags?: { id: string; name: { en: string; ar: string }; urgency: string }[]; physicianReferral?: { urgency?: string } };
  screenedAt: Date;
  nextVisit: Date | null;
}

/**
 * Patients whose latest screen refers or sets precautions, or with any screen that refers, that no
 * physician has reviewed since, with their next confirmed visit after `now`: a referral answered by
 * a later reassuring self-screen still waits for a physician. One row a patient (its strictest such
 * screen, then the newest); referrals first, then oldest screen.
 */
export async function listUnreviewedScreenings(sql: Sql, now: Date): Promise<UnreviewedScreeningRow[]> {
  return sql.query<UnreviewedScreeningRow>(
    `select * from (
       select distinct on (s.patient_id) s.patient_id as "patientId", p.name as "patientName", s.outcome, s.result, s.created_at as "screenedAt",
         (select min(a.starts_at) from appointments a where a.patient_id = s.patient_id and a.kind = 'visit' and a.status = 'confirmed' and a.starts_at > $1) as "nextVisit"
       from screenings s join patients p on p.id = s.patient_id
       where s.outcome <> 'proceed'
         and (s.outcome = 'refer_before_treatment' or s.created_at = (select max(created_at) from screenings s2 where s2.patient_id = s.patient_id))
         and not exists (select 1 from physician_reviews r where r.patient_id = s.patient_id and r.created_at >= s.created_at)
       order by s.patient_id, case s.outcome when 'refer_before_treatment' then 0 else 1 end, s.created_at desc
     ) queue
     order by case outcome when 'refer_before_treatment' then 0 else 1 end, "screenedAt"`,
    [now.toISOString()],
  );
}

/** The patient's latest screen, which a physician's review answers. */
export async function findLatestScreening(
  sql: Sql,
  patientId: string,
): Promise<{ id: string; result: { physicianReferral?: { urgency?: string } } } | undefined> {
  const [row] = await sql.query<{ id: string; result: { physicianReferral?: { urgency?: string } } }>(
    'select id, result from screenings where patient_id = $1 order by created_at desc limit 1',
    [patientId],
  );
  return row;
}

export interface ScreeningRecord {
  id: string;
  outcome: string;
  /** The stored screening result (domain/screening/screening-result.ts). */
  result: unknown;
  createdAt: Date;
  intakeId: string;
}

/** The patient's latest screen in full: what the safety view and the precaution rules read. */
export async function findLatestScreeningRecord(sql: Sql, patientId: string): Promise<ScreeningRecord | undefined> {
  const [row] = await sql.query<ScreeningRecord>(
    'select id, outcome, result, created_at as "createdAt", intake_id as "intakeId" from screenings where patient_id = $1 order by created_at desc limit 1',
    [patientId],
  );
  return row;
}

/** Every screen of the patient but the latest, newest first: an earlier referral no physician cleared still counts. */
export async function listEarlierScreenings(sql: Sql, patientId: string, latestId: string): Promise<Omit<ScreeningRecord, 'intakeId'>[]> {
  return sql.query<Omit<ScreeningRecord, 'intakeId'>>(
    'select id, outcome, result, created_at as "createdAt" from screenings where patient_id = $1 and id <> $2 order by created_at desc',
    [patientId, latestId],
  );
}

/** Screenings are append-only (a trigger refuses UPDATE and DELETE). */
export async function insertScreening(
  sql: Sql,
  s: { patientId: string | null; intakeId: string; outcome: string; result: unknown; at: Date },
): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>(
    'insert into screenings (patient_id, intake_id, outcome, result, created_at) values ($1, $2, $3, $4, $5) returning id',
    [s.patientId, s.intakeId, s.outcome, JSON.stringify(s.result), s.at.toISOString()],
  );
  return row?.id;
}
