import { api } from '../../../lib/api-client.ts';

/** Shapes of the public routes this feature calls (see packages/server/src/routes). */
export interface Names {
  en: string;
  ar: string;
}

export interface Clinic {
  name: Names;
  address: Names;
  phone: string;
  email: string;
  timeZone: string;
  cancellationWindowHours: number;
  minNoticeMinutes: number;
  horizonDays: number;
}

export interface Service {
  id: string;
  name: string;
  names: Names;
  description: Names;
  durationMinutes: number;
  practitionerKind: string;
  priceAed: number | null;
  practitionerIds: string[];
}

export interface Practitioner {
  id: string;
  name: string;
  names: Names;
  title: Names;
  kind: string;
  color: string;
  serviceIds: string[];
}

export interface Slot {
  start: string;
  end: string;
  practitionerId: string;
}

export interface Availability {
  timeZone: string;
  slots: Slot[];
}

export interface PatientDetails {
  name: string;
  email: string;
  phone?: string;
  preferredLanguage?: 'en' | 'ar';
}

export interface Booking {
  id: string;
  reference: string;
  status: string;
  start: string;
  end: string;
  serviceId: string;
  practitionerId: string;
  manageToken?: string;
}

export interface BookingDetail extends Booking {
  serviceName: Names;
  practitionerName: Names;
  patientName: string;
  canChange: boolean;
  changeDeadline: string;
}

export interface WaitlistOffer extends Booking {
  status: 'offered' | 'expired';
  holdExpiresAt: string | null;
}

export const fetchClinic = () => api<Clinic>('/api/clinic');
export const fetchServices = () => api<Service[]>('/api/services');
export const fetchPractitioners = () => api<Practitioner[]>('/api/practitioners');

export function fetchAvailability(query: { serviceId: string; from: string; to: string; practitionerId?: string | undefined }): Promise<Availability> {
  const params = new URLSearchParams({ serviceId: query.serviceId, from: query.from, to: query.to });
  if (query.practitionerId) params.set('practitionerId', query.practitionerId);
  return api<Availability>(`/api/availability?${params.toString()}`);
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
  return api<{ id: string; status: string }>('/api/waitlist', { method: 'POST', body });
}

const offerPath = (token: string) => `/api/waitlist/offers/${encodeURIComponent(token)}`;
export const fetchOffer = (token: string) => api<WaitlistOffer>(offerPath(token));
export const acceptOffer = (token: string) => api<Booking>(`${offerPath(token)}/accept`, { method: 'POST' });
export const declineOffer = (token: string) => api<{ declined: boolean }>(`${offerPath(token)}/decline`, { method: 'POST' });
