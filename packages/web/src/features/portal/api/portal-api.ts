import type { BookingDetailOut } from '@myomap/contract/bookings/bookings.schemas';
import type { AvailabilityOut } from '@myomap/contract/scheduling/availability.schemas';
import type {
  PortalMessagesOut,
  PortalProgressOut,
  PortalRequestIn,
  PortalRequestOut,
  PortalSessionOut,
  PortalSignInAcceptedOut,
  PortalVisitsOut,
} from '@myomap/contract/portal/portal.schemas';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api/api-client.ts';

export type { BookingDetailOut as PortalVisit, PortalMessagesOut, PortalProgressOut, PortalRequestOut, PortalSessionOut, PortalVisitsOut };

/**
 * The portal's own CSRF token (its session is not the staff one, so the API client's staff token
 * is not it): kept here after sign-in or the session read, sent with every portal write.
 */
let portalCsrf = '';
const write = () => ({ 'x-csrf-token': portalCsrf });

/** Every portal query key starts with 'portal'; signing out or switching patient drops them all. */
export const portalKey = ['portal'] as const;

/**
 * The session, or null when signed out. Read with fetch, not the API client: a 401 here is an
 * answer ("show sign-in"), and the client's one 401 listener belongs to the staff session.
 */
export const portalSessionQuery = queryOptions({
  queryKey: [...portalKey, 'session'],
  queryFn: async ({ signal }): Promise<PortalSessionOut | null> => {
    const response = await fetch('/api/portal/session', { headers: { accept: 'application/json' }, credentials: 'same-origin', signal });
    if (response.status === 401) return null;
    if (!response.ok) throw new ApiError(response.status, 'unknown_error', response.statusText);
    const session = (await response.json()) as PortalSessionOut;
    portalCsrf = session.csrfToken;
    return session;
  },
  staleTime: 60_000,
});

/**
 * Puts the session a sign-in (or a switch) answered into the cache. A read of the session that
 * left before the cookie existed is cancelled first: its late 401 would otherwise land after this
 * and put the patient back on the sign-in form.
 */
export async function adoptPortalSession(queryClient: QueryClient, session: PortalSessionOut): Promise<void> {
  await queryClient.cancelQueries({ queryKey: portalSessionQuery.queryKey });
  queryClient.setQueryData(portalSessionQuery.queryKey, session);
}

export const portalVisitsQuery = (patientId: string) =>
  queryOptions({ queryKey: [...portalKey, patientId, 'visits'], queryFn: () => api<PortalVisitsOut>('/api/portal/visits') });
// Read again each time the portal opens: the health form and consent are sent from another page
// (features/intake), and the card must not say "not filled in yet" for 15 s after they were.
export const portalProgressQuery = (patientId: string) =>
  queryOptions({ queryKey: [...portalKey, patientId, 'progress'], queryFn: () => api<PortalProgressOut>('/api/portal/progress'), refetchOnMount: 'always' });
export const portalMessagesQuery = (patientId: string) =>
  queryOptions({ queryKey: [...portalKey, patientId, 'messages'], queryFn: () => api<PortalMessagesOut>('/api/portal/messages') });
export const portalRequestsQuery = (patientId: string) =>
  queryOptions({ queryKey: [...portalKey, patientId, 'requests'], queryFn: () => api<{ requests: PortalRequestOut[] }>('/api/portal/requests') });

export const availabilityQuery = (serviceId: string, practitionerId: string, day: string) =>
  queryOptions({
    queryKey: [...portalKey, 'availability', serviceId, practitionerId, day],
    queryFn: () => api<AvailabilityOut>(`/api/availability?${new URLSearchParams({ serviceId, practitionerId, from: day, to: day }).toString()}`),
    enabled: Boolean(day),
  });

export function requestSignIn(email: string, language: 'en' | 'ar') {
  return api<PortalSignInAcceptedOut>('/api/portal/sign-in', { method: 'POST', body: { email, language } });
}

export async function signInByLink(token: string) {
  const session = await api<PortalSessionOut>('/api/portal/sign-in/link', { method: 'POST', body: { token } });
  portalCsrf = session.csrfToken;
  return session;
}

export async function signInByCode(email: string, code: string) {
  const session = await api<PortalSessionOut>('/api/portal/sign-in/code', { method: 'POST', body: { email, code } });
  portalCsrf = session.csrfToken;
  return session;
}

export const signOut = () => api<{ signedOut: true }>('/api/portal/sign-out', { method: 'POST', headers: write() });
export const switchPatient = (patientId: string) =>
  api<PortalSessionOut>('/api/portal/session/patient', { method: 'POST', body: { patientId }, headers: write() });
export const cancelVisit = (id: string) => api<BookingDetailOut>(`/api/portal/visits/${encodeURIComponent(id)}/cancel`, { method: 'POST', headers: write() });
export const rescheduleVisit = (id: string, start: string, practitionerId: string) =>
  api<BookingDetailOut>(`/api/portal/visits/${encodeURIComponent(id)}/reschedule`, { method: 'POST', body: { start, practitionerId }, headers: write() });
export const createMeasuresLink = () => api<{ url: string }>('/api/portal/measures/link', { method: 'POST', headers: write() });
export const createRequest = (body: PortalRequestIn) => api<PortalRequestOut>('/api/portal/requests', { method: 'POST', body, headers: write() });
export const setRelationship = (patientId: string, relationship: 'self' | 'parent' | 'guardian' | 'carer' | 'other') =>
  api<PortalSessionOut>(`/api/portal/relationships/${encodeURIComponent(patientId)}`, { method: 'PUT', body: { relationship }, headers: write() });
