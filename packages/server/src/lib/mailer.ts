import type Nodemailer from 'nodemailer';
import { loadWhenUsed } from './load-when-used.ts';

/** nodemailer, loaded only when SMTP is configured (load-when-used.ts). */
const nodemailer = loadWhenUsed<typeof Nodemailer>('nodemailer');

export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments: { filename: string; contentType: string; content: string }[];
  /** Binary attachments (a stored letter): sent byte for byte. */
  files?: { filename: string; contentType: string; content: Uint8Array }[] | undefined;
}

export interface Mailer {
  /** 'smtp' delivers; 'mailbox' keeps the message in the outbox for staff to read. */
  readonly transport: 'smtp' | 'mailbox';
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** `from` may still be coming: start-app.ts knows the clinic's name once the database is ready. */
export function createMailer(smtpUrl: string | undefined, from: string | Promise<string>): Mailer {
  if (!smtpUrl) return { transport: 'mailbox', send: async () => undefined, close: () => undefined };
  const transporter = nodemailer().createTransport(smtpUrl);
  return {
    transport: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from: await from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        // A stable Message-ID lets receiving servers drop the rare duplicate after a crash.
        messageId: message.messageId,
        ...mailParts(message.attachments, message.files ?? []),
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * A calendar attachment with a `method=` (an iTIP REQUEST or CANCEL) goes out as nodemailer's
 * `icalEvent`: a text/calendar alternative with the same method parameter, which mail clients
 * show as an invitation with add/update buttons (RFC 6047 §2.4), plus the same text as a file.
 * Every other attachment is attached as it is.
 */
function mailParts(attachments: OutgoingMessage['attachments'], files: NonNullable<OutgoingMessage['files']>) {
  const invite = attachments.find((a) => /^text\/calendar\s*;.*\bmethod=/i.test(a.contentType));
  const method = invite && /\bmethod=([A-Z-]+)/i.exec(invite.contentType)?.[1];
  return {
    attachments: [...attachments.filter((a) => a !== invite), ...files.map((f) => ({ ...f, content: Buffer.from(f.content) }))],
    ...(invite && method ? { icalEvent: { method: method.toUpperCase(), filename: invite.filename, content: invite.content } } : {}),
  };
}
