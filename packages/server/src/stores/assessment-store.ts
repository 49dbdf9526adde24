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
    await sql.query('insert into assessment_pain_zones (assessment_id, zone, side, intensity) values ($1, $2, $3, $4)', [
      id,
      mark.zone,
      mark.side ?? '',
      mark.intensity,
    ]);
  }
  for (const tp of data.triggerPoints) {
    await sql.query('insert into assessment_trigger_points (assessment_id, muscle_id, side, activity, reproduces_familiar_pain) values ($1, $2, $3, $4, $5)', [
      id,
      tp.muscleId,
      tp.side ?? null,
      tp.activity,
      tp.reproducesFamiliarPain,
    ]);
  }
}

/** A new, empty assessment for the patient (optionally for one visit), written in this build's vocabulary. */
export async function insertAssessment(
  sql: Sql,
  a: { patientId: string; appointmentId: string | null; authorId: string; data: AssessmentData; now: Date },
): Promise<{ id: string }> {
  const [row] = await sql.query<{ id: string }>(
    `insert into assessments (patient_id, appointment_id, author_id, data, created_at, updated_at, vocabulary_version) values ($1, $2, $3, $4, $5, $5, $6) returning id`,
    [a.patientId, a.appointmentId, a.authorId, JSON.stringify(a.data), a.now.toISOString(), VOCABULARY_VERSION],
  );
  if (!row) throw new Error('assessment insert returned no row');
  return row;
}

export interface AssessmentSummaryRow {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  appointmentId: string | null;
  authorName: string;
  status: string;
}

export async function listPatientAssessments(sql: Sql, patientId: string): Promise<AssessmentSummaryRow[]> {
  return sql.query<AssessmentSummaryRow>(
    `select a.id, a.created_at as "createdAt", a.updated_at as "updatedAt", a.appointment_id as "appointmentId", u.name as "authorName", a.status
     from assessments a join staff_users u on u.id = a.author_id where a.patient_id = $1 order by a.created_at desc`,
    [patientId],
  );
}

export type PhotoView = 'front' | 'side';

export interface PhotoRow {
  id: string;
  view: PhotoView;
  landmarks: Record<string, { x: number; y: number }>;
  angles: Record<string, number>;
  createdAt: Date;
}

export async function listAssessmentPhotos(sql: Sql, assessmentId: string): Promise<PhotoRow[]> {
  return sql.query<PhotoRow>(
    `select id, view, landmarks, angles, created_at as "createdAt" from assessment_photos where assessment_id = $1 order by created_at`,
    [assessmentId],
  );
}

export async function insertAssessmentPhoto(
  sql: Sql,
  p: { assessmentId: string; view: PhotoView; contentType: string; bytes: Uint8Array; uploadedBy: string },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await sql.query<{ id: string; createdAt: Date }>(
    `insert into assessment_photos (assessment_id, view, content_type, bytes, uploaded_by) values ($1, $2, $3, $4, $5) returning id, created_at as "createdAt"`,
    [p.assessmentId, p.view, p.contentType, p.bytes, p.uploadedBy],
  );
  if (!row) throw new Error('photo insert returned no row');
  return row;
}

export async function findPhotoBytes(sql: Sql, id: string): Promise<{ contentType: string; bytes: Uint8Array } | undefined> {
  const [row] = await sql.query<{ content_type: string; bytes: Uint8Array }>('select content_type, bytes from assessment_photos where id = $1', [id]);
  return row ? { contentType: row.content_type, bytes: row.bytes } : undefined;
}

/** The photo's view and current landmarks, locked for the landmark edit. */
export async function lockPhoto(sql: Sql, id: string): Promise<{ view: PhotoView; landmarks: unknown } | undefined> {
  const [row] = await sql.query<{ view: PhotoView; landmarks: unknown }>('select view, landmarks from assessment_photos where id = $1 for update', [id]);
  return row;
}

export async function savePhotoLandmarks(sql: Sql, id: string, landmarks: unknown, angles: unknown): Promise<void> {
  await sql.query('update assessment_photos set landmarks = $2, angles = $3 where id = $1', [id, JSON.stringify(landmarks), JSON.stringify(angles)]);
}
