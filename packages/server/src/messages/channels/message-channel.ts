import type { MessageChannel as ChannelName } from '@myomap/contract/clinical/patients.schemas';

export type { ChannelName };

/** One message as a channel sends it: links already filled in (the outbox row holds them sealed). */
export interface ChannelMessage {
  /** Stable per outbox row, so a provider (or a mail server) can drop the rare duplicate. */
  messageId: string;
  /** An email address for email; a phone number for SMS and WhatsApp. */
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments: { filename: string; contentType: string; content: string }[];
  /** Stored documents (a letter as PDF), attached as they are; email only. */
  files?: { filename: string; contentType: string; content: Uint8Array }[] | undefined;
}

export interface SendResult {
  /** How it went out: 'smtp', 'mailbox' (kept for staff to read), 'twilio'… recorded on the row. */
  transport: string;
  /** The provider's id for the message, when it gives one. */
  providerId?: string | undefined;
}

/**
 * Every way a message leaves the clinic: email now, SMS and WhatsApp through a provider the
 * clinic configures. `send` resolves once the provider has accepted the message and rejects
 * otherwise; the outbox worker retries a rejection with back-off.
 */
export interface MessageChannel {
  readonly name: ChannelName;
  send(message: ChannelMessage): Promise<SendResult>;
  close(): void;
}

/** The channels a clinic has: email always; SMS and WhatsApp when configured. */
export interface MessageChannels {
  email: MessageChannel;
  sms?: MessageChannel | undefined;
  whatsapp?: MessageChannel | undefined;
}
