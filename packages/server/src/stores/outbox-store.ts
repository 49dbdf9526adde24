import type { Sql } from '../database/database.ts';

export interface NewOutboxMessage {
  dedupeKey: string;
  kind: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  attachments: readonly { filename: string; contentType: string; content: string }[];
  sendAfter: Date;
  appointmentId: string | null;
  sealedLinks: string | null;
}

/** Adds a message once: a second insert with the same dedupe key is ignored. */
export async function insertOutboxMessage(sql: Sql, m: NewOutboxMessage): Promise<void> {
  await sql.query(
    `insert into outbox (dedupe_key, kind, recipient, subject, body_text, body_html, attachments, send_after, appointment_id, sealed_links)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (dedupe_key) do nothing`,
    [
      m.dedupeKey,
      m.kind,
      m.recipient,
      m.subject,
      m.bodyText,
      m.bodyHtml,
      JSON.stringify(m.attachments),
      m.sendAfter.toISOString(),
      m.appointmentId,
      m.sealedLinks,
    ],
  );
}

/** Cancels a visit's reminders not sent yet (the visit moved or was cancelled). */
export async function cancelPendingReminders(sql: Sql, appointmentId: string): Promise<void> {
  await sql.query(`update outbox set status = 'cancelled' where appointment_id = $1 and kind = 'reminder' and status = 'pending'`, [appointmentId]);
}

export interface ClaimedOutboxRow {
  id: string;
  dedupeKey: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
  attempts: number;
  sealedLinks: string | null;
}

/**
 * Claims up to `limit` due messages (pending and due, or sending with a lapsed lease) with FOR
 * UPDATE SKIP LOCKED, so several instances never take the same one, leasing each for `leaseSeconds`.
 */
export async function claimDueOutboxMessages(sql: Sql, limit: number, now: Date, leaseSeconds: number): Promise<ClaimedOutboxRow[]> {
  return sql.query<ClaimedOutboxRow>(
    `update outbox set status = 'sending', lease_until = $2::timestamptz + make_interval(secs => $3), attempts = attempts + 1
     where id in (
       select id from outbox
       where (status = 'pending' and send_after <= $2) or (status = 'sending' and lease_until < $2)
       order by send_after, id
       limit $1
       for update skip locked)
     returning id, dedupe_key as "dedupeKey", recipient, subject, body_text as "bodyText", body_html as "bodyHtml", attachments, attempts,
       sealed_links as "sealedLinks"`,
    [limit, now.toISOString(), leaseSeconds],
  );
}

export async function markOutboxSent(sql: Sql, id: string, at: Date, transport: string): Promise<void> {
  await sql.query(`update outbox set status = 'sent', sent_at = $2, transport = $3, lease_until = null, last_error = null where id = $1`, [
    id,
    at.toISOString(),
    transport,
  ]);
}

/** Records a failed attempt: pending again after `retryAfterMinutes`, or failed for good. */
export async function markOutboxFailed(sql: Sql, id: string, f: { final: boolean; error: string; at: Date; retryAfterMinutes: number }): Promise<void> {
  await sql.query(
    `update outbox set status = $2, lease_until = null, last_error = $3,
       send_after = $4::timestamptz + make_interval(mins => $5) where id = $1`,
    [id, f.final ? 'failed' : 'pending', f.error, f.at.toISOString(), f.retryAfterMinutes],
  );
}
