import type { Database } from '../database/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../lib/mailer.ts';
import { fillLinks, openLinks } from '../lib/seal-links.ts';
import { DEVELOPMENT_SESSION_SECRET } from '../config/load-config.ts';

interface OutboxRow {
  id: string;
  dedupe_key: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
  attempts: number;
  sealed_links: string | null;
}

const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 8;

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED so several server instances never take the
 * same one, sends each outside the claiming transaction, then marks it sent. A message is sent
 * again only if a worker dies between the SMTP server accepting it and the mark (seconds wide);
 * its stable Message-ID lets mail servers drop that duplicate.
 */
export async function workOutbox(
  db: Database,
  mailer: Mailer,
  clock: Clock,
  batchSize = 20,
  /** SESSION_SECRET, which sealed the patient links (lib/seal-links.ts). */
  linkSecret = DEVELOPMENT_SESSION_SECRET,
): Promise<number> {
  const now = clock.now();
  const claimed = await db.query<OutboxRow>(
    `update outbox set status = 'sending', lease_until = $2::timestamptz + make_interval(secs => $3), attempts = attempts + 1
     where id in (
       select id from outbox
       where (status = 'pending' and send_after <= $2) or (status = 'sending' and lease_until < $2)
       order by send_after, id
       limit $1
       for update skip locked)
     returning id, dedupe_key, recipient, subject, body_text, body_html, attachments, attempts, sealed_links`,
    [batchSize, now.toISOString(), LEASE_SECONDS],
  );
  for (const row of claimed) {
    try {
      // Opened here, outside any stored row: the live links exist only in the message sent.
      const links = row.sealed_links ? openLinks(linkSecret, row.sealed_links) : [];
      await mailer.send({
        messageId: `<${row.dedupe_key.replace(/[^a-zA-Z0-9._-]/g, '.')}@myomap>`,
        to: row.recipient,
        subject: row.subject,
        text: fillLinks(row.body_text, links),
        html: row.body_html === null ? undefined : fillLinks(row.body_html, links),
        attachments: row.attachments,
      });
      await db.query(`update outbox set status = 'sent', sent_at = $2, transport = $3, lease_until = null, last_error = null where id = $1`, [
        row.id,
        clock.now().toISOString(),
        mailer.transport,
      ]);
    } catch (error) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      // Back off 1, 2, 4 … minutes between attempts.
      await db.query(
        `update outbox set status = $2, lease_until = null, last_error = $3,
           send_after = $4::timestamptz + make_interval(mins => $5) where id = $1`,
        [row.id, failed ? 'failed' : 'pending', String(error).slice(0, 500), clock.now().toISOString(), 2 ** (row.attempts - 1)],
      );
    }
  }
  return claimed.length;
}

/** Polls the outbox on a timer; returns a stop function that waits for the current pass. */
export function startOutboxWorker(
  db: Database,
  mailer: Mailer,
  clock: Clock,
  intervalMs: number,
  onError: (error: unknown) => void,
  tasks: ((now: Date) => Promise<unknown>)[] = [],
  linkSecret = DEVELOPMENT_SESSION_SECRET,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const task of tasks) await task(clock.now());
    while ((await workOutbox(db, mailer, clock, 20, linkSecret)) > 0 && !stopped);
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch(onError);
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
