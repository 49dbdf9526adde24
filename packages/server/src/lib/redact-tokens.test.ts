import { describe, expect, it } from 'vitest';
import { REDACTED, redactTokensInUrl } from './redact-tokens.ts';

describe('redactTokensInUrl', () => {
  it.each([
    ['/api/bookings/MYO-ABC?token=s3cr3t-_x', `/api/bookings/MYO-ABC?token=${REDACTED}`],
    ['/api/intake/MYO-ABC/consent?lang=en&token=s3cr3t&x=1', `/api/intake/MYO-ABC/consent?lang=en&token=${REDACTED}&x=1`],
    ['/api/calendar/p1/feed.ics?token=abcdefghijkl', `/api/calendar/p1/feed.ics?token=${REDACTED}`],
    ['/api/aftercare/s3cr3t', `/api/aftercare/${REDACTED}`],
    ['/aftercare/s3cr3t?lang=ar', `/aftercare/${REDACTED}?lang=ar`],
    ['/api/measures/s3cr3t', `/api/measures/${REDACTED}`],
    ['https://clinic.example/measures/s3cr3t?lang=en', `https://clinic.example/measures/${REDACTED}?lang=en`],
    ['/api/waitlist/offers/s3cr3t/accept', `/api/waitlist/offers/${REDACTED}/accept`],
    ['https://clinic.example/waitlist/offer/s3cr3t', `https://clinic.example/waitlist/offer/${REDACTED}`],
  ])('%s', (url, expected) => {
    expect(redactTokensInUrl(url)).toBe(expected);
    expect(redactTokensInUrl(url)).not.toContain('s3cr3t');
  });

  it('leaves URLs without tokens alone', () => {
    expect(redactTokensInUrl('/api/availability?serviceId=s1&from=2026-12-01')).toBe('/api/availability?serviceId=s1&from=2026-12-01');
  });
});
