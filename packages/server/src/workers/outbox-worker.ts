import type { Database } from '../database/database.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../lib/mailer.ts';
import { fillLinks, openLinks } from '../lib/seal-links.ts';
import { DEVELOPMENT_SESSION_SECRET } from '../config/load-config.ts';
import { claimDueOutboxMessages, findMessagePatient, markOutboxFailed, markOutboxSent } from '../stores/outbox-store.ts';
import { chooseChannel, type ChannelChoice } from '../messages/channels/choose-channel.ts';
import { emailChannel } from '../messages/channels/email-channel.ts';
import type { ChannelMessage, ChannelName, MessageChannels } from '../messages/channels/message-channel.ts';
import { downloadFileName } from '../documents/read-documents.ts';
import { readDocument } from '../documents/store-document.ts';

const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 8;

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED so several server instances never take the
 * same one, sends each outside the claiming transaction, then marks it sent. A message is sent
 * again only if a worker dies between the provider accepting it and the mark (seconds wide);
 * its stable Message-ID lets mail servers drop that duplicate.
 *
 * A patient message goes on the patient's preferred channel, read now (a patient who switched
 * to SMS since the booking gets the reminder by SMS), when the clinic has that channel and the
 * patient a phone number; otherwise by email, and the row records why (messages/channels/choose-channel.ts).
 */
export async function workOutbox(
  db: Database,
  mailer: Mailer,
  clock: Clock,
  batchSize = 20,
  /** SESSION_SECRET, which sealed the patient links (lib/seal-links.ts). */
  linkSecret = DEVELOPMENT_SESSION_SECRET,
  /** SMS and WhatsApp, when the clinic configured them (config MESSAGING_*). */
  phoneChannels: Omit<MessageChannels, 'email'> = {},
): Promise<number> {
  const now = clock.now();
  const claimed = await claimDueOutboxMessages(db, batchSize, now, LEASE_SECONDS);
  const channels: MessageChannels = { email: emailChannel(mailer), ...phoneChannels };
  const configured = new Set<ChannelName>((['email', 'sms', 'whatsapp'] as const).filter((name) => channels[name] !== undefined));
  for (const row of claimed) {
    try {
      // Opened here, outside any stored row: the live links exist only in the message sent.
      const links = row.sealedLinks ? openLinks(linkSecret, row.sealedLinks) : [];
      const patient = row.patientId ? await findMessagePatient(db, row.patientId) : undefined;
      // A message carrying documents (a letter) goes by email: SMS and WhatsApp cannot carry them.
      const choice: ChannelChoice =
        patient && row.documentIds.length === 0
          ? chooseChannel({ preferred: patient.preferredChannel, configured, phone: patient.phone, hasShortText: Boolean(row.bodyShort) })
          : { channel: 'email', note: null };
      const channel = channels[choice.channel] ?? channels.email;
      const messageId = `<${row.dedupeKey.replace(/[^a-zA-Z0-9._-]/g, '.')}@myomap>`;
      const result =
        channel.name === 'email'
          ? await channel.send({
              messageId,
              to: row.recipient,
              subject: row.subject,
              text: fillLinks(row.bodyText, links),
              html: row.bodyHtml === null ? undefined : fillLinks(row.bodyHtml, links),
              attachments: row.attachments,
              files: await attachedDocuments(db, row.documentIds),
            })
          : await channel.send({ messageId, to: patient?.phone ?? '', subject: row.subject, text: fillLinks(row.bodyShort ?? '', links), attachments: [] });
      await markOutboxSent(db, row.id, clock.now(), result.transport, channel.name, choice.note);
    } catch (error) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      // Back off 1, 2, 4 … minutes between attempts.
      await markOutboxFailed(db, row.id, { final: failed, error: String(error).slice(0, 500), at: clock.now(), retryAfterMinutes: 2 ** (row.attempts - 1) });
    }
  }
  return claimed.length;
}

/**
 * The stored documents a message carries, read (and hash-checked) at send time: a document whose
 * bytes no longer match its SHA-256 fails the send rather than going out altered.
 */
async function attachedDocuments(db: Database, ids: readonly string[]): Promise<NonNullable<ChannelMessage['files']>> {
  const files: NonNullable<ChannelMessage['files']> = [];
  for (const id of ids) {
    const document = await readDocument(db, id);
    if (!document) throw new Error(`document ${id} is missing`);
    files.push({ filename: downloadFileName(document), contentType: document.mediaType, content: document.bytes });
  }
  return files;
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
  phoneChannels: Omit<MessageChannels, 'email'> = {},
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const task of tasks) await task(clock.now());
    while ((await workOutbox(db, mailer, clock, 20, linkSecret, phoneChannels)) > 0 && !stopped);
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
