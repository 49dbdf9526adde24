import type { MessagingConfig } from '../../config/load-config.ts';
import type { MessageChannels } from './message-channel.ts';
import { twilioChannel } from './twilio-channel.ts';

/** The SMS and WhatsApp channels the configuration turns on (email comes from the mailer). */
export function createPhoneChannels(config: MessagingConfig): Omit<MessageChannels, 'email'> {
  const { apiUrl, accountSid, authToken } = config;
  if (!accountSid || !authToken) return {};
  return {
    ...(config.smsFrom ? { sms: twilioChannel('sms', { baseUrl: apiUrl, accountSid, authToken, from: config.smsFrom }) } : {}),
    ...(config.whatsappFrom ? { whatsapp: twilioChannel('whatsapp', { baseUrl: apiUrl, accountSid, authToken, from: config.whatsappFrom }) } : {}),
  };
}
