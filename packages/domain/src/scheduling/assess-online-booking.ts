/**
 * Abuse limits for anonymous online booking, as a plain function: the server loads the facts
 * (what this contact already holds, what this address booked lately) and asks.
 *
 * - A contact (the email address) may hold at most MAX_UPCOMING_PER_CONTACT upcoming online
 *   visits: more is refused (`booking_limit_reached`). Staff can still book more by phone.
 * - Rotating contacts get past that, so an address is watched too. The booking is accepted but
 *   flagged for reception when, within the last day, one address has booked for several
 *   different contacts, or has taken several visits on one practitioner's day. A clinic's own
 *   network or a shared family connection can look like this, so the flag never refuses:
 *   reception looks, then keeps or releases (OWASP Automated Threats OAT-021 "Denial of
 *   Inventory": hold limits per user, and monitoring of holds by source).
 */
export interface OnlineBookingLimits {
  maxUpcomingPerContact: number;
  contactsPerAddress: number;
  sameDayPerAddress: number;
  windowHours: number;
}

export const ONLINE_BOOKING_LIMITS: OnlineBookingLimits = {
  maxUpcomingPerContact: 3,
  /** Distinct contacts booked from one address within the window, this one included. */
  contactsPerAddress: 3,
  /** Visits one address booked on one practitioner's day within the window, this one included. */
  sameDayPerAddress: 3,
  windowHours: 24,
};

export type SuspicionReason = 'many_contacts_from_address' | 'fills_practitioner_day';

export interface OnlineBookingFacts {
  contact: string;
  practitionerId: string;
  /** The visit's date in the clinic's zone, YYYY-MM-DD. */
  localDate: string;
  /** Upcoming confirmed online visits this contact already holds. */
  upcomingForContact: number;
  /** Online bookings made from the same address within the window, before this one. */
  recentFromAddress: readonly { contact: string; practitionerId: string; localDate: string }[];
}

export type OnlineBookingVerdict = { outcome: 'refuse'; code: 'booking_limit_reached' } | { outcome: 'accept'; suspicious: SuspicionReason | null };

export function assessOnlineBooking(facts: OnlineBookingFacts, limits: OnlineBookingLimits = ONLINE_BOOKING_LIMITS): OnlineBookingVerdict {
  if (facts.upcomingForContact >= limits.maxUpcomingPerContact) return { outcome: 'refuse', code: 'booking_limit_reached' };
  const contacts = new Set([facts.contact, ...facts.recentFromAddress.map((b) => b.contact)]);
  if (contacts.size >= limits.contactsPerAddress) return { outcome: 'accept', suspicious: 'many_contacts_from_address' };
  const sameDay = 1 + facts.recentFromAddress.filter((b) => b.practitionerId === facts.practitionerId && b.localDate === facts.localDate).length;
  if (sameDay >= limits.sameDayPerAddress) return { outcome: 'accept', suspicious: 'fills_practitioner_day' };
  return { outcome: 'accept', suspicious: null };
}
