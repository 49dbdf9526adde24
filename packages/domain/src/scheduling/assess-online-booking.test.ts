import { describe, expect, it } from 'vitest';
import { assessOnlineBooking, type OnlineBookingFacts } from './assess-online-booking.ts';

const base: OnlineBookingFacts = { contact: 'a@example.com', practitionerId: 'p1', localDate: '2026-12-01', upcomingForContact: 0, recentFromAddress: [] };

describe('assessOnlineBooking', () => {
  it('accepts a first booking unflagged', () => {
    expect(assessOnlineBooking(base)).toEqual({ outcome: 'accept', suspicious: null });
  });

  it('refuses a fourth upcoming visit for one contact', () => {
    expect(assessOnlineBooking({ ...base, upcomingForContact: 2 }).outcome).toBe('accept');
    expect(assessOnlineBooking({ ...base, upcomingForContact: 3 })).toEqual({ outcome: 'refuse', code: 'booking_limit_reached' });
  });

  it('flags the third contact booked from one address', () => {
    const one = { contact: 'b@example.com', practitionerId: 'p2', localDate: '2026-12-02' };
    expect(assessOnlineBooking({ ...base, recentFromAddress: [one] })).toEqual({ outcome: 'accept', suspicious: null });
    expect(assessOnlineBooking({ ...base, recentFromAddress: [one, { ...one, contact: 'c@example.com' }] })).toEqual({
      outcome: 'accept',
      suspicious: 'many_contacts_from_address',
    });
    // The same contact twice is one contact.
    expect(assessOnlineBooking({ ...base, recentFromAddress: [one, one] })).toEqual({ outcome: 'accept', suspicious: null });
  });

  it('flags the third visit one address takes on one practitioner’s day', () => {
    const same = { contact: 'a@example.com', practitionerId: 'p1', localDate: '2026-12-01' };
    expect(assessOnlineBooking({ ...base, recentFromAddress: [same] })).toEqual({ outcome: 'accept', suspicious: null });
    expect(assessOnlineBooking({ ...base, recentFromAddress: [same, same] })).toEqual({ outcome: 'accept', suspicious: 'fills_practitioner_day' });
    expect(assessOnlineBooking({ ...base, recentFromAddress: [same, { ...same, localDate: '2026-12-02' }] })).toEqual({ outcome: 'accept', suspicious: null });
  });
});
