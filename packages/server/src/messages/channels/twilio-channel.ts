import type { ChannelName, MessageChannel } from './message-channel.ts';

export interface TwilioSettings {
  /** https://api.twilio.com, or a compatible provider's (or a test server's) base URL. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The sender: a phone number for SMS, `whatsapp:+…` (or the bare number) for WhatsApp. */
  from: string;
}

const TIMEOUT_MS = 15_000;

/**
 * SMS or WhatsApp through Twilio's Messages API (and the providers that copy it): a
 * form-encoded POST to {base}/2010-04-01/Accounts/{sid}/Messages.json with basic auth.
 * WhatsApp is the same call with `whatsapp:` before both numbers. Only the short text goes:
 * no HTML, no attachment.
 */
export function twilioChannel(name: Extract<ChannelName, 'sms' | 'whatsapp'>, settings: TwilioSettings): MessageChannel {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  const address = (number: string) => (name === 'whatsapp' && !number.startsWith('whatsapp:') ? `whatsapp:${number}` : number);
  return {
    name,
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ To: address(normaliseNumber(message.to)), From: address(settings.from), Body: message.text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => ({}))) as { sid?: unknown; message?: unknown; code?: unknown };
      if (!response.ok) {
        // The provider's own words (never the message text, which holds a live link).
        const said = [answer.code, answer.message].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
        throw new Error(`${name} provider refused the message: HTTP ${response.status} ${said}`.trim());
      }
      return { transport: 'twilio', providerId: typeof answer.sid === 'string' ? answer.sid : undefined };
    },
    close: () => undefined,
  };
}

/** Providers want E.164: "+971 50 123-4567" → "+971501234567"; a number without + is sent as written, digits only. */
export function normaliseNumber(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}
