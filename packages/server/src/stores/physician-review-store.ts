import type { Sql } from '../database/database.ts';

export interface NewPhysicianReview {
  patientId: string;
  screeningId: string | null;
  decision: string;
  notes: string;
  precautions: readonly string[];
  referral: unknown;
  physicianId: string;
  at: Date;
}

/** Physician reviews are append-only (a trigger refuses UPDATE and DELETE). */
export async function insertPhysicianReview(sql: Sql, r: NewPhysicianReview): Promise<{ id: string; createdAt: Date }> {
  const [row] = await sql.query<{ id: string; created_at: Date }>(
    `insert into physician_reviews (patient_id, screening_id, decision, notes, precautions, referral, physician_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at`,
    [
      r.patientId,
      r.screeningId,
      r.decision,
      r.notes,
      JSON.stringify(r.precautions),
      r.referral ? JSON.stringify(r.referral) : null,
      r.physicianId,
      r.at.toISOString(),
    ],
  );
  if (!row) throw new Error('review insert returned no row');
  return { id: row.id, createdAt: row.created_at };
}

export interface PhysicianReviewRow {
  id: string;
  decision: string;
  notes: string;
  precautions: string[];
  referral: unknown;
  createdAt: Date;
  physicianName: string;
  screeningId: string | null;
  /** Set when a patient merge moved this review here: the record it was made on, and when. */
  mergedFromId: string | null;
  mergedFromAt: Date | null;
}

/** The patient's physician reviews, newest first, each with the merge that moved it here (if any). */
export async function listPhysicianReviews(sql: Sql, patientId: string): Promise<PhysicianReviewRow[]> {
  return sql.query<PhysicianReviewRow>(
    `select r.id, r.decision, r.notes, r.precautions, r.referral, r.created_at as "createdAt", u.name as "physicianName", r.screening_id as "screeningId",
       m.merged_patient_id as "mergedFromId", m.merged_at as "mergedFromAt"
     from physician_reviews r join staff_users u on u.id = r.physician_id
     left join lateral (select pm.merged_patient_id, pm.merged_at from patient_merges pm where r.id = any(pm.moved_review_ids) order by pm.merged_at limit 1) m on true
     where r.patient_id = $1 order by r.created_at desc`,
    [patientId],
  );
}
