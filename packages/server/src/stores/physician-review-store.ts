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
