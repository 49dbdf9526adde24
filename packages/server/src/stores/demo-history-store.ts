import type { Sql } from '../database/database.ts';

/** Instances starting together on one PostgreSQL seed the history once: the second waits, then finds patients. */
export async function lockDemoHistory(tx: Sql): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('myomap.demo_history'))`);
}

/** The demo history goes only into a clinic with no patients yet: a second start, or a clinic in use, gets nothing. */
export async function countPatients(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>('select count(*)::int as n from patients');
  return row?.n ?? 0;
}

/** Whether the demo staff the history is written by exist (production never seeds them). */
export async function demoStaffExist(sql: Sql, ids: readonly string[]): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>('select count(*)::int as n from staff_users where id = any($1::text[])', [ids]);
  return row?.n === ids.length;
}

/** Every local date in [from, to] on which the whole clinic is closed (schedule exceptions). */
export async function listClinicClosedDates(sql: Sql, from: string, to: string): Promise<string[]> {
  const rows = await sql.query<{ day: string }>(
    `select to_char(d, 'YYYY-MM-DD') as day
     from schedule_exceptions e, generate_series(greatest(e.date_from, $1::date), least(e.date_to, $2::date), interval '1 day') as d
     where e.practitioner_id is null and e.kind = 'closed' and e.start_time is null and e.date_to >= $1::date and e.date_from <= $2::date
     order by 1`,
    [from, to],
  );
  return rows.map((r) => r.day);
}

/**
 * History is history: the aftercare advice and check-in invitations of visits months ago were
 * due then, so they are recorded as delivered then (to the staff mailbox, as without SMTP) rather
 * than sent all at once on the first start, and the seven-day follow-up prompts that fell due in
 * the past are closed. Messages and prompts still ahead stay pending and go out when due.
 */
export async function settlePastDemoMessages(tx: Sql, emails: readonly string[], now: Date): Promise<void> {
  await tx.query(
    `update outbox set status = 'sent', sent_at = send_after, transport = 'mailbox'
     where recipient = any($1::text[]) and status = 'pending' and send_after <= $2`,
    [emails, now.toISOString()],
  );
  await tx.query(
    `update aftercare_checkins c set follow_up_done_at = c.follow_up_due_at
     from patients p where p.id = c.patient_id and p.email = any($1::text[]) and c.follow_up_done_at is null and c.follow_up_due_at <= $2`,
    [emails, now.toISOString()],
  );
}
