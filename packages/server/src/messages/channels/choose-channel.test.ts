import { describe, expect, it } from 'vitest';
import { chooseChannel } from './choose-channel.ts';

const both = new Set(['email', 'sms', 'whatsapp'] as const);
const emailOnly = new Set(['email'] as const);

describe('chooseChannel', () => {
  it('sends on the preferred channel when the clinic has it and the patient has a phone', () => {
    expect(chooseChannel({ preferred: 'sms', configured: both, phone: '+971 50 123 4567', hasShortText: true })).toEqual({ channel: 'sms', note: null });
    expect(chooseChannel({ preferred: 'whatsapp', configured: both, phone: '+971501234567', hasShortText: true })).toEqual({ channel: 'whatsapp', note: null });
    expect(chooseChannel({ preferred: 'email', configured: both, phone: '+971501234567', hasShortText: true })).toEqual({ channel: 'email', note: null });
  });

  it('falls back to email, saying why, when the preferred channel cannot carry it', () => {
    expect(chooseChannel({ preferred: 'sms', configured: emailOnly, phone: '+971501234567', hasShortText: true })).toEqual({
      channel: 'email',
      note: 'sms_not_configured',
    });
    expect(chooseChannel({ preferred: 'whatsapp', configured: new Set(['email', 'sms'] as const), phone: '+971501234567', hasShortText: true })).toEqual({
      channel: 'email',
      note: 'whatsapp_not_configured',
    });
    expect(chooseChannel({ preferred: 'sms', configured: both, phone: null, hasShortText: true })).toEqual({ channel: 'email', note: 'no_phone' });
    expect(chooseChannel({ preferred: 'sms', configured: both, phone: '--', hasShortText: true })).toEqual({ channel: 'email', note: 'no_phone' });
    expect(chooseChannel({ preferred: 'sms', configured: both, phone: '+971501234567', hasShortText: false })).toEqual({
      channel: 'email',
      note: 'no_short_text',
    });
  });
});
