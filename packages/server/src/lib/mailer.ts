import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface Mailer {
  /** 'smtp' delivers; 'mailbox' keeps the message in the outbox for staff to read. */
  readonly transport: 'smtp' | 'mailbox';
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { transport: 'mailbox', send: async () => undefined, close: () => undefined };
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    transport: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        // A stable Message-ID lets receiving servers drop the rare duplicate after a crash.
        messageId: message.messageId,
        attachments: message.attachments,
      });
    },
    close: () => transporter.close(),
  };
}
