import type { AppContext } from '../app-context.ts';
import { fillLinks, openLinks } from '../lib/seal-links.ts';

/**
 * Outbox messages of one kind as the patient receives them (sealed links opened), oldest
 * first: tests follow the link in an email the way a patient would.
 */
export async function readSentMessages(ctx: AppContext, kind: string, recipient?: string): Promise<{ recipient: string; body: string }[]> {
  const rows = await ctx.db.query<{ recipient: string; body_text: string; sealed_links: string | null }>(
    `select recipient, body_text, sealed_links from outbox where kind = $1 and ($2::text is null or recipient = $2) order by send_after, created_at`,
    [kind, recipient ?? null],
  );
  return rows.map((row) => ({
    recipient: row.recipient,
    body: fillLinks(row.body_text, row.sealed_links ? openLinks(ctx.config.sessionSecret, row.sealed_links) : []),
  }));
}
