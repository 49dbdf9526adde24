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
  /** Patient messages: the channel is chosen at send time from this patient's preference. */
  patientId: string | null;
  /** The SMS/WhatsApp text (links sealed like the body's); null for email-only messages. */
  bodyShort: string | null;
  /** Stored documents (a letter) the sender attaches, in this order; such a message always goes by email. */
  documentIds?: readonly string[];
}

/** A message's own columns, in the order of `outboxMessageValues`; its visit, patient and id go beside them. */
export const OUTBOX_MESSAGE_COLUMNS = 'dedupe_key, kind, recipient, subject, body_text, body_html, attachments, send_after, sealed_links, body_short';

/** The values of a message's own columns (OUTBOX_MESSAGE_COLUMNS), as the statement sends them. */
export function outboxMessageValues(m: NewOutboxMessage): unknown[] {
  return [
    m.dedupeKey,
    m.kind,
    m.recipient,
    m.subject,
    m.bodyText,
    m.bodyHtml,
    JSON.stringify(m.attachments),
    m.sendAfter.toISOString(),
    m.sealedLinks,
    m.bodyShort,
  ];
}

/** Adds a message once: a second insert with the same dedupe key is ignored. */
export async function insertOutboxMessage(sql: Sql, m: NewOutboxMessage): Promise<void> {
  // One statement, so the message and its documents are added together or (a repeated dedupe key) not at all.
  await sql.query(
    `with inserted as (
       insert into outbox (${OUTBOX_MESSAGE_COLUMNS}, appointment_id, patient_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (dedupe_key) do nothing returning id)
     insert into outbox_documents (outbox_id, document_id, position)
     select inserted.id, d.id, d.n - 1 from inserted, unnest($13::text[]) with ordinality as d(id, n)`,
    [...outboxMessageValues(m), m.appointmentId, m.patientId, m.documentIds ?? []],
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
  patientId: string | null;
  bodyShort: string | null;
  /** Stored documents to attach, in order. */
  documentIds: string[];
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
       sealed_links as "sealedLinks", patient_id as "patientId", body_short as "bodyShort",
       array(select d.document_id from outbox_documents d where d.outbox_id = outbox.id order by d.position) as "documentIds"`,
    [limit, now.toISOString(), leaseSeconds],
  );
}

/** `channel` and `channelNote` say what carried the message and why it was not the patient's preferred channel. */
export async function markOutboxSent(
  sql: Sql,
  id: string,
  at: Date,
  transport: string,
  channel: 'email' | 'sms' | 'whatsapp' = 'email',
  channelNote: string | null = null,
): Promise<void> {
  await sql.query(
    `update outbox set status = 'sent', sent_at = $2, transport = $3, channel = $4, channel_note = $5, lease_until = null, last_error = null where id = $1`,
    [id, at.toISOString(), transport, channel, channelNote],
  );
}

export interface MessagePatient {
  language: 'en' | 'ar';
  preferredChannel: 'email' | 'sms' | 'whatsapp';
  phone: string | null;
}

/** What a patient message needs of the patient: language for the text, channel and phone for sending. */
export async function findMessagePatient(sql: Sql, patientId: string): Promise<MessagePatient | undefined> {
  const [row] = await sql.query<MessagePatient>(
    `select preferred_language as language, preferred_channel as "preferredChannel", phone from patients where id = $1`,
    [patientId],
  );
  return row;
}

/** Records a failed attempt: pending again after `retryAfterMinutes`, or failed for good. */
export async function markOutboxFailed(sql: Sql, id: string, f: { final: boolean; error: string; at: Date; retryAfterMinutes: number }): Promise<void> {
  await sql.query(
    `update outbox set status = $2, lease_until = null, last_error = $3,
       send_after = $4::timestamptz + make_interval(mins => $5) where id = $1`,
    [id, f.final ? 'failed' : 'pending', f.error, f.at.toISOString(), f.retryAfterMinutes],
  );
}
