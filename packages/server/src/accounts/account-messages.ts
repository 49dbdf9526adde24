import type { Sql } from '../database/database.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { hashToken } from '../lib/tokens.ts';

/**
 * Invitation and password-reset emails. Their kind, 'staff_account', keeps them out of the
 * reception mailbox: the link in them sets a password.
 */
export const ACCOUNT_MESSAGE_KIND = 'staff_account';

export async function enqueueAccountLinkEmail(
  sql: Sql,
  input: { purpose: 'invite' | 'reset'; email: string; name: string; token: string; publicUrl: string; validHours: number; now: Date },
  linkSecret: string,
): Promise<void> {
  const link = `${input.publicUrl}/staff/welcome/${input.token}`;
  const invite = input.purpose === 'invite';
  const subject = invite ? 'You are invited to Myomap' : 'Reset your Myomap password';
  const body = [
    `Hello ${input.name},`,
    '',
    invite
      ? 'An administrator created a Myomap staff account for you. Choose your password here:'
      : 'An administrator asked for your Myomap password to be reset. Choose a new password here:',
    link,
    '',
    `The link works once, for ${input.validHours} hours. If you did not expect this email, tell your clinic administrator.`,
  ].join('\n');
  await enqueue(
    sql,
    {
      dedupeKey: `${ACCOUNT_MESSAGE_KIND}:${hashToken(input.token)}`,
      kind: ACCOUNT_MESSAGE_KIND,
      recipient: input.email,
      subject,
      body,
      attachments: [],
      sendAfter: input.now,
    },
    linkSecret,
  );
}
