import type { QuestionnaireResponse } from '@myomap/domain/screening/questionnaire-schemas';
import type { Sql } from '../database/database.ts';

export interface IntakeRow {
  id: string;
  status: string;
  response: QuestionnaireResponse;
  language: string;
  updatedAt: Date;
  submittedAt: Date | null;
}

/** The intake answered for one visit (one per appointment). */
export async function findIntake(sql: Sql, appointmentId: string): Promise<IntakeRow | undefined> {
  const [row] = await sql.query<IntakeRow>(
    `select id, status, response, language, updated_at as "updatedAt", submitted_at as "submittedAt" from intake_responses where appointment_id = $1`,
    [appointmentId],
  );
  return row;
}

export interface IntakeDraft {
  patientId: string | null;
  appointmentId: string;
  questionnaireVersion: string;
  language: string;
  response: QuestionnaireResponse;
  at: Date;
}

/** Saves the visit's intake in progress (created on the first save); returns its id. */
export async function upsertIntakeResponse(sql: Sql, d: IntakeDraft): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into intake_responses (patient_id, appointment_id, questionnaire_version, language, response, updated_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (appointment_id) do update set response = excluded.response, language = excluded.language, updated_at = excluded.updated_at
     returning id`,
    [d.patientId, d.appointmentId, d.questionnaireVersion, d.language, JSON.stringify(d.response), d.at.toISOString()],
  );
  return row?.id ?? '';
}

/** Replaces the intake's answers, one row per question (what SQL and the screening read). */
export async function replaceIntakeAnswers(sql: Sql, intakeId: string, answers: Readonly<Record<string, unknown>>): Promise<void> {
  await sql.query('delete from intake_answers where intake_id = $1', [intakeId]);
  // One statement for all answers: a progressive save of a 120-answer intake is one round trip, not 120.
  const entries = Object.entries(answers).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  await sql.query(
    'insert into intake_answers (intake_id, link_id, value) select $1, link_id, value from unnest($2::text[], $3::jsonb[]) as a(link_id, value)',
    [intakeId, entries.map(([linkId]) => linkId), entries.map(([, value]) => JSON.stringify(value))],
  );
}

export async function markIntakeSubmitted(sql: Sql, intakeId: string, at: Date): Promise<void> {
  await sql.query(
    `update intake_responses set status = 'submitted', submitted_at = $2, response = jsonb_set(response, '{status}', '"completed"') where id = $1`,
    [intakeId, at.toISOString()],
  );
}

export async function listIntakeAnswers(sql: Sql, intakeId: string): Promise<{ linkId: string; value: unknown }[]> {
  return sql.query<{ linkId: string; value: unknown }>('select link_id as "linkId", value from intake_answers where intake_id = $1 order by link_id', [
    intakeId,
  ]);
}
