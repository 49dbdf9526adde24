import { api } from '../../../lib/api/api-client.ts';

import type { BookingDetailOut, BookingOut, PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import type { ClinicOut, PractitionerOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type { AvailabilityCompactOut, AvailabilityOut, Slot } from '@myomap/contract/scheduling/availability.schemas';
import { decodeCompactAvailability } from '@myomap/domain/scheduling/decode-compact-availability';
import type { DeclinedOut, WaitlistEntryOut, WaitlistOfferOut } from '@myomap/contract/scheduling/waitlist.schemas';

/** Shapes of the public routes this feature calls, derived from the contract (packages/contract). */
export type Names = LocalizedText;
export type Clinic = ClinicOut;
export type Service = ServiceOut;
export type Practitioner = PractitionerOut;
export type { Slot };
export type Availability = AvailabilityOut;
export type PatientDetails = PatientIn;
export type Booking = BookingOut;
export type BookingDetail = BookingDetailOut;
export type WaitlistOffer = WaitlistOfferOut;

export const fetchClinic = () => api<Clinic>('/api/clinic');
export const fetchServices = () => api<Service[]>('/api/services');
export const fetchPractitioners = () => api<Practitioner[]>('/api/practitioners');

/**
 * Asks for the compact form (a fraction of the bytes) and decodes it to the documented shape,
 * so the pages see the same slots either way.
 */
export async function fetchAvailability(query: { serviceId: string; from: string; to: string; practitionerId?: string | undefined }): Promise<Availability> {
  const params = new URLSearchParams({ serviceId: query.serviceId, from: query.from, to: query.to, format: 'compact' });
  if (query.practitionerId) params.set('practitionerId', query.practitionerId);
  return decodeCompactAvailability(await api<AvailabilityCompactOut>(`/api/availability?${params.toString()}`));
}

export function createBooking(
  body: { serviceId: string; practitionerId: string; start: string; patient: PatientDetails },
  idempotencyKey: string,
): Promise<Booking> {
  return api<Booking>('/api/bookings', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

const manageQuery = (token: string) => `token=${encodeURIComponent(token)}`;
const bookingPath = (reference: string) => `/api/bookings/${encodeURIComponent(reference)}`;

export const fetchBooking = (reference: string, token: string) => api<BookingDetail>(`${bookingPath(reference)}?${manageQuery(token)}`);

export const cancelBooking = (reference: string, token: string) =>
  api<BookingDetail>(`${bookingPath(reference)}/cancel?${manageQuery(token)}`, { method: 'POST' });

export const rescheduleBooking = (reference: string, token: string, start: string) =>
  api<BookingDetail>(`${bookingPath(reference)}/reschedule?${manageQuery(token)}`, { method: 'POST', body: { start } });

export function joinWaitlist(body: { serviceId: string; practitionerId?: string; dateFrom: string; dateTo: string; patient: PatientDetails }) {
  return api<WaitlistEntryOut>('/api/waitlist', { method: 'POST', body });
}

const offerPath = (token: string) => `/api/waitlist/offers/${encodeURIComponent(token)}`;
export const fetchOffer = (token: string) => api<WaitlistOffer>(offerPath(token));
export const acceptOffer = (token: string) => api<Booking>(`${offerPath(token)}/accept`, { method: 'POST' });
export const declineOffer = (token: string) => api<DeclinedOut>(`${offerPath(token)}/decline`, { method: 'POST' });
