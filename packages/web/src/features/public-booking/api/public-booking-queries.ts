import { queryOptions } from '@tanstack/react-query';
import { fetchAvailability, fetchBooking, fetchOffer, fetchPractitioners, fetchServices } from './public-api.ts';
import { servicesInPage } from './services-in-page.ts';

/**
 * What the public pages read, as TanStack Query options (keys start with 'public-booking'). The
 * clinic's settings come from lib/clinic/clinic-query.ts, shared with the clinic-time provider.
 */

const servicesFromPage = servicesInPage();
const pageLoadedAt = Date.now();

/** Services bookable online, in the clinic's order; on the booking page, starting from the copy the server put in it. */
export const servicesQuery = queryOptions({
  queryKey: ['public-booking', 'services'] as const,
  queryFn: fetchServices,
  staleTime: 5 * 60_000,
  ...(servicesFromPage ? { initialData: servicesFromPage, initialDataUpdatedAt: pageLoadedAt } : {}),
});

export const practitionersQuery = queryOptions({ queryKey: ['public-booking', 'practitioners'] as const, queryFn: fetchPractitioners, staleTime: 5 * 60_000 });

/** Every key of availability, to reset them all when a time turns out to be taken. */
export const availabilityKey = ['public-booking', 'availability'] as const;

/**
 * One visible week of free times. The key holds the week, so an answer for a week the patient has
 * already left is kept in its own entry and never shown on the current one. Always asked afresh
 * when a picker opens: times are taken all the time.
 */
export const availabilityQuery = (query: { serviceId: string; practitionerId: string | undefined; from: string; to: string }) =>
  queryOptions({
    queryKey: [...availabilityKey, query.serviceId, query.practitionerId ?? '*', query.from, query.to] as const,
    queryFn: () => fetchAvailability(query),
    staleTime: 0,
  });

/** A booking as its private manage link shows it. */
export const bookingQuery = (reference: string, token: string) =>
  queryOptions({ queryKey: ['public-booking', 'booking', reference, token] as const, queryFn: () => fetchBooking(reference, token) });

/** A waitlist offer, held for a few minutes. */
export const offerQuery = (token: string) => queryOptions({ queryKey: ['public-booking', 'offer', token] as const, queryFn: () => fetchOffer(token) });
