import type { Sql } from '../database/database.ts';

/** The session already started for a visit, if any (one per appointment). */
export async function findSessionForAppointment(sql: Sql, appointmentId: string): Promise<{ id: string } | undefined> {
  const [row] = await sql.query<{ id: string }>('select id from treatment_sessions where appointment_id = $1', [appointmentId]);
  return row;
}

/** Starts the session, carrying the precautions in force onto it. */
export async function insertTreatmentSession(
  sql: Sql,
  s: { appointmentId: string; patientId: string | null; therapistId: string; startedAt: Date; precautions: readonly unknown[] },
): Promise<{ id: string }> {
  const [row] = await sql.query<{ id: string }>(
    'insert into treatment_sessions (appointment_id, patient_id, therapist_id, started_at, precautions) values ($1, $2, $3, $4, $5) returning id',
    [s.appointmentId, s.patientId, s.therapistId, s.startedAt.toISOString(), JSON.stringify(s.precautions)],
  );
  if (!row) throw new Error('session insert returned no row');
  return row;
}
