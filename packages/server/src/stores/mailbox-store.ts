import type { Sql } from '../database/database.ts';

export interface MailboxRow {
  id: string;
  kind: string;
  recipient: string;
  patientName: string | null;
  subject: string;
  body: string;
  sealedLinks: string | null;
  status: string;
  transport: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  attachmentCount: number;
  lastError: string | null;
}

export interface MailboxFilter {
  /** Staff-account emails set a password: only for those who manage staff. */
  includeStaffAccountMail: boolean;
  kind?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * The newest outbox messages first (by when sent, or due), one page. The patient is named through the message's
 * appointment, else by its address when exactly one patient has it (aftercare mail carries no
 * appointment; a family sharing an address stays unnamed rather than guessed).
 */
export async function listMailbox(sql: Sql, filter: MailboxFilter): Promise<MailboxRow[]> {
  return sql.query<MailboxRow>(
    `select o.id, o.kind, o.recipient,
       coalesce(p.name, (select min(q.name) from patients q where lower(q.email) = lower(o.recipient) and q.merged_into_id is null having count(*) = 1)) as "patientName", o.subject, o.body_text as "body", o.sealed_links as "sealedLinks", o.status, o.transport,
       o.send_after as "sendAfter", o.sent_at as "sentAt", jsonb_array_length(o.attachments) as "attachmentCount", o.last_error as "lastError"
     from outbox o
     left join appointments a on a.id = o.appointment_id
     left join patients p on p.id = a.patient_id
     where (o.kind <> 'staff_account' or $1) and ($2::text is null or o.kind = $2) and ($3::text is null or o.status = $3)
     order by coalesce(o.sent_at, o.send_after) desc, o.id limit $4 offset $5`,
    [filter.includeStaffAccountMail, filter.kind ?? null, filter.status ?? null, filter.limit, filter.offset],
  );
}
