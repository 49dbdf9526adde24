import type { ChannelName } from './message-channel.ts';

export interface ChannelChoice {
  channel: ChannelName;
  /** Why the message does not go on the preferred channel; null when it does. */
  note: 'sms_not_configured' | 'whatsapp_not_configured' | 'no_phone' | 'no_short_text' | null;
}

/**
 * The channel a patient message goes on: the patient's preferred one when the clinic has it
 * configured, the patient has a phone number and the message has a short text; otherwise email,
 * which every clinic has, with the reason recorded. A message is never dropped for want of a channel.
 */
export function chooseChannel(input: {
  preferred: ChannelName;
  configured: ReadonlySet<ChannelName>;
  phone: string | null;
  hasShortText: boolean;
}): ChannelChoice {
  const { preferred } = input;
  if (preferred === 'email') return { channel: 'email', note: null };
  if (!input.configured.has(preferred)) return { channel: 'email', note: preferred === 'sms' ? 'sms_not_configured' : 'whatsapp_not_configured' };
  if (!input.phone || input.phone.replace(/[^0-9]/g, '').length < 5) return { channel: 'email', note: 'no_phone' };
  if (!input.hasShortText) return { channel: 'email', note: 'no_short_text' };
  return { channel: preferred, note: null };
}
