import type { Sql } from '../database/database.ts';

export interface MailboxRow {
  id: string;
  kind: string;
  recipient: string;
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

/** The newest 200 outbox messages; staff-account emails (which set a password) only when asked for. */
export async function listMailbox(sql: Sql, options: { includeStaffAccountMail: boolean }): Promise<MailboxRow[]> {
  return sql.query<MailboxRow>(
    `select id, kind, recipient, subject, body_text as "body", sealed_links as "sealedLinks", status, transport, send_after as "sendAfter", sent_at as "sentAt",
       jsonb_array_length(attachments) as "attachmentCount", last_error as "lastError"
     from outbox where kind <> 'staff_account' or $1 order by created_at desc limit 200`,
    [options.includeStaffAccountMail],
  );
}
