import { can } from '@myomap/domain/access/permissions';
import type { StaffUser } from '@myomap/contract/auth/auth.schemas';

type StaffRole = StaffUser['role'];

/**
 * Who may do what in the UI, read from the one permission table the server enforces
 * (@myomap/domain/access/permissions); the web only hides what the server would refuse.
 */
export const staffAbilities = (role: StaffRole) => ({
  book: can(role, 'calendar.write'),
  admin: can(role, 'catalog.manage'),
  exceptions: can(role, 'exceptions.write'),
  mailbox: can(role, 'mailbox.read'),
  audit: can(role, 'audit.read'),
  /** Flagged online bookings (/staff/suspicious-bookings): keep or release. */
  suspiciousBookings: can(role, 'bookings.review'),
  /** The physician review queue (/staff/reviews). */
  reviews: can(role, 'review.queue.read'),
  /** Alerts (/staff/alerts) and the other clinical pages. */
  clinical: can(role, 'alerts.read'),
  /** The intake form on the reception tablet (/staff/appointments/:id/intake). */
  intake: can(role, 'intake.fill'),
});
