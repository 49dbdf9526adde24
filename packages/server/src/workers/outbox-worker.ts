import type { Database } from '../database/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../lib/mailer.ts';
import { fillLinks, openLinks } from '../lib/seal-links.ts';
import { DEVELOPMENT_SESSION_SECRET } from '../config/load-config.ts';
import { claimDueOutboxMessages, markOutboxFailed, markOutboxSent } from '../stores/outbox-store.ts';

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
  const claimed = await claimDueOutboxMessages(db, batchSize, now, LEASE_SECONDS);
  for (const row of claimed) {
    try {
      // Opened here, outside any stored row: the live links exist only in the message sent.
      const links = row.sealedLinks ? openLinks(linkSecret, row.sealedLinks) : [];
      await mailer.send({
        messageId: `<${row.dedupeKey.replace(/[^a-zA-Z0-9._-]/g, '.')}@myomap>`,
        to: row.recipient,
        subject: row.subject,
        text: fillLinks(row.bodyText, links),
        html: row.bodyHtml === null ? undefined : fillLinks(row.bodyHtml, links),
        attachments: row.attachments,
      });
      await markOutboxSent(db, row.id, clock.now(), mailer.transport);
    } catch (error) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      // Back off 1, 2, 4 … minutes between attempts.
      await markOutboxFailed(db, row.id, { final: failed, error: String(error).slice(0, 500), at: clock.now(), retryAfterMinutes: 2 ** (row.attempts - 1) });
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
