import type { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { VOCABULARY_VERSION } from '@myomap/domain/knowledge/knowledge-base';
import type { Sql } from '../database/database.ts';

export interface AssessmentRow {
  id: string;
  patientId: string;
  patientName: string;
  appointmentId: string | null;
  authorId: string;
  authorName: string;
  status: string;
  /** The body-zone vocabulary the pain map was written in (1 before vocabulary v2). */
  vocabularyVersion: number;
  data: AssessmentData;
  createdAt: Date;
  updatedAt: Date;
}

export async function findAssessment(sql: Sql, id: string, forUpdate = false): Promise<AssessmentRow | undefined> {
  const [row] = await sql.query<AssessmentRow>(
    `select a.id, a.patient_id as "patientId", p.name as "patientName", a.appointment_id as "appointmentId", a.author_id as "authorId",
       u.name as "authorName", a.status, a.vocabulary_version as "vocabularyVersion", a.data, a.created_at as "createdAt", a.updated_at as "updatedAt"
     from assessments a join patients p on p.id = a.patient_id join staff_users u on u.id = a.author_id
     where a.id = $1 ${forUpdate ? 'for update of a' : ''}`,
    [id],
  );
  return row;
}

/**
 * Saves the document and rewrites its queryable child rows in the same transaction. The pain map
 * is now written in this build's vocabulary, so the row records that version.
 */
export async function saveAssessmentData(sql: Sql, id: string, data: AssessmentData, now: Date): Promise<void> {
  await sql.query('update assessments set data = $2, updated_at = $3, vocabulary_version = $4 where id = $1', [
    id,
    JSON.stringify(data),
    now.toISOString(),
    VOCABULARY_VERSION,
  ]);
  await sql.query('delete from assessment_pain_zones where assessment_id = $1', [id]);
  await sql.query('delete from assessment_trigger_points where assessment_id = $1', [id]);
  // The chart records one intensity per zone and side; the last mark wins if a client sends two.
  const zones = new Map(data.painMap.map((m) => [`${m.zone}|${m.side ?? ''}`, m]));
  for (const mark of zones.values()) {
    await sql.query('insert into assessment_pain_zones (assessment_id, zone, side, intensity) values ($1, $2, $3, $4)', [id, mark.zone, mark.side ?? '', mark.intensity]);
  }
  for (const tp of data.triggerPoints) {
    await sql.query(
      'insert into assessment_trigger_points (assessment_id, muscle_id, side, activity, reproduces_familiar_pain) values ($1, $2, $3, $4, $5)',
      [id, tp.muscleId, tp.side ?? null, tp.activity, tp.reproducesFamiliarPain],
    );
  }
}
