import type { Sql } from '../database/database.ts';

/** Pain (NPRS) recorded in the patient's session notes, with when each session started, oldest first. */
export async function listSessionPain(sql: Sql, patientId: string): Promise<{ startedAt: Date; pain: number | null }[]> {
  const rows = await sql.query<{ started_at: Date; pain: string | null }>(
    `select s.started_at, n.data->'subjective'->>'pain' as pain
     from treatment_sessions s left join session_notes n on n.session_id = s.id
     where s.patient_id = $1 order by s.started_at`,
    [patientId],
  );
  return rows.map((r) => ({ startedAt: r.started_at, pain: r.pain === null ? null : Number(r.pain) }));
}
