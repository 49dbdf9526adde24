import { describe, expect, it } from 'vitest';
import { createPhoneChannels } from '../messages/channels/create-channels.ts';
import { ConfigError, loadConfig } from './load-config.ts';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('loadConfig: security settings', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('takes proxy addresses, CIDRs and proxy-addr names', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', '::1']);
  });

  it.each(['true', '2', 'proxy.internal', '10.0.0.0/33'])('refuses TRUST_PROXY=%s by name', (value) => {
    expect(problems({ TRUST_PROXY: value }).join('\n')).toMatch(/^TRUST_PROXY/m);
  });

  it('defaults to 30 idle minutes and 12 hours, and checks both', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12 });
    expect(problems({ SESSION_IDLE_MINUTES: '0' }).join('\n')).toMatch(/^SESSION_IDLE_MINUTES/m);
    expect(problems({ SESSION_MAX_HOURS: 'x' }).join('\n')).toMatch(/^SESSION_MAX_HOURS/m);
    expect(problems({ SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1' }).join('\n')).toMatch(/^SESSION_IDLE_MINUTES/m);
  });

  it('sets Secure cookies under NODE_ENV=production whatever PUBLIC_URL says', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'http://clinic.example' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://clinic.example' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });
});

describe('loadConfig: SMS and WhatsApp', () => {
  it('has no phone channel unless a sender is set, and builds only the ones set', () => {
    expect(createPhoneChannels(loadConfig({}).messaging)).toEqual({});
    const config = loadConfig({ MESSAGING_ACCOUNT_SID: 'AC1', MESSAGING_AUTH_TOKEN: 'tok', SMS_FROM: '+97160000001' });
    expect(config.messaging).toMatchObject({ apiUrl: 'https://api.twilio.com', smsFrom: '+97160000001', whatsappFrom: undefined });
    expect(Object.keys(createPhoneChannels(config.messaging))).toEqual(['sms']);
  });

  it('refuses a sender without the account, a sender that is not a number, and a plain-http provider off this machine', () => {
    expect(problems({ SMS_FROM: '+97160000001' }).join('\n')).toMatch(/^SMS_FROM needs MESSAGING_ACCOUNT_SID/m);
    expect(problems({ MESSAGING_ACCOUNT_SID: 'AC1', MESSAGING_AUTH_TOKEN: 'tok', WHATSAPP_FROM: 'clinic' }).join('\n')).toMatch(
      /^WHATSAPP_FROM must be a phone number/m,
    );
    expect(problems({ MESSAGING_API_URL: 'http://sms.example.com' }).join('\n')).toMatch(/^MESSAGING_API_URL/m);
    expect(loadConfig({ MESSAGING_API_URL: 'http://127.0.0.1:4010/' }).messaging.apiUrl).toBe('http://127.0.0.1:4010');
  });
});
