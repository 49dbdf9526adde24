import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { accountsApi } from '../accounts/accounts-api.ts';
import type { AuditQuery, MailboxQuery } from '@myomap/contract/staff/records.schemas';
import { staffApi } from './staff-api.ts';

/**
 * The staff feature's reads, as TanStack Query options (lib/api/query-client.ts). Keys start with
 * 'staff'; a write invalidates the narrowest key that covers what it changed (for example
 * staffKeys.calendar after a booking, move or cancel), so every screen that shows it refetches.
 */
export const staffKeys = {
  calendar: ['staff', 'calendar'] as const,
  practitioners: ['staff', 'practitioners'] as const,
  services: ['staff', 'services'] as const,
  rooms: ['staff', 'rooms'] as const,
  exceptions: ['staff', 'exceptions'] as const,
  audit: ['staff', 'audit'] as const,
  mailbox: ['staff', 'mailbox'] as const,
  suspiciousBookings: ['staff', 'suspicious-bookings'] as const,
  users: ['staff', 'users'] as const,
  twoFactor: ['staff', 'two-factor'] as const,
  calendarFeed: ['staff', 'calendar-feed'] as const,
  link: ['staff', 'link'] as const,
};

/** The calendar's feed for the days on screen (`from`..`to`, clinic dates, both included) and one filter. */
export interface CalendarRange {
  from: string;
  to: string;
}
export type CalendarShown = { practitionerId?: string; roomId?: string };

export const calendarQuery = (range: CalendarRange, shown: CalendarShown) =>
  queryOptions({
    queryKey: [...staffKeys.calendar, range.from, range.to, shown.practitionerId ?? '', shown.roomId ?? ''] as const,
    queryFn: () => staffApi.calendar({ ...range, ...shown }),
    // Paging a week keeps the last week's entries on screen until the next week's arrive.
    placeholderData: keepPreviousData,
  });

export const practitionersQuery = queryOptions({ queryKey: staffKeys.practitioners, queryFn: staffApi.practitioners });
export const servicesQuery = queryOptions({ queryKey: staffKeys.services, queryFn: staffApi.services });
export const roomsQuery = queryOptions({ queryKey: staffKeys.rooms, queryFn: staffApi.rooms });
/** Leave, holidays and extra hours (the calendar's closed bands and the Hours & leave page). */
export const exceptionsQuery = queryOptions({ queryKey: staffKeys.exceptions, queryFn: staffApi.exceptions });

/** One page of the audit log under the applied filters (the server filters and pages). */
export const auditQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: [...staffKeys.audit, query] as const,
    queryFn: () => staffApi.audit(query),
    placeholderData: keepPreviousData,
  });

/** One page of the mailbox, newest first, narrowed by kind and status. */
export const mailboxQuery = (query: MailboxQuery) =>
  queryOptions({
    queryKey: [...staffKeys.mailbox, query] as const,
    queryFn: () => staffApi.mailbox(query),
    placeholderData: keepPreviousData,
  });
export const suspiciousBookingsQuery = queryOptions({ queryKey: staffKeys.suspiciousBookings, queryFn: staffApi.suspiciousBookings });

export const staffUsersQuery = queryOptions({ queryKey: staffKeys.users, queryFn: accountsApi.users });
/** The signed-in user's own two-factor status (Account & security). */
export const twoFactorStatusQuery = queryOptions({ queryKey: staffKeys.twoFactor, queryFn: accountsApi.twoFactor });
/** The signed-in practitioner's own calendar feed link (a secret: never cached beyond the page). */
export const calendarFeedQuery = queryOptions({ queryKey: staffKeys.calendarFeed, queryFn: accountsApi.calendarFeed, gcTime: 0 });
/** A one-time setup, invitation or reset link, opened signed out: checked once, never refetched behind the form. */
export const accountLinkQuery = (token: string) =>
  queryOptions({ queryKey: [...staffKeys.link, token] as const, queryFn: () => accountsApi.link(token), staleTime: Infinity });
