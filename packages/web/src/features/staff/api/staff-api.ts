import { api } from '../../../lib/api-client.ts';

/** Shapes of the staff API (packages/server/src/routes/auth and routes/staff). */
export type StaffRole = 'admin' | 'reception' | 'therapist' | 'physician';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
}

export type SignInStage = 'active' | 'two_factor' | 'enrol';

export interface SignInResult {
  stage: SignInStage;
  csrfToken: string;
  user?: StaffUser;
  twoFactor?: { enabled: boolean; required: boolean };
}

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
  stage?: 'active' | 'enrol';
  twoFactor?: { enabled: boolean; required: boolean };
}

export interface Clinic {
  name: { en: string; ar: string };
  timeZone: string;
  phone: string;
}

export type CalendarEventKind = 'visit' | 'block' | 'hold';

export interface CalendarEvent {
  id: string;
  kind: CalendarEventKind;
  status: string;
  reference: string | null;
  start: string;
  end: string;
  practitionerId: string | null;
  roomId: string | null;
  serviceId: string | null;
  serviceName: string | null;
  patientId: string | null;
  patientName: string | null;
  note: string;
  source: string;
  holdExpiresAt: string | null;
}

export interface CalendarResponse {
  timeZone: string;
  events: CalendarEvent[];
}

/** weekday 1–7 with 1 = Monday (ISO), times 'HH:MM' in the clinic's zone. */
export interface WeeklyInterval {
  weekday: number;
  start: string;
  end: string;
}

export interface PractitionerFields {
  nameEn: string;
  nameAr: string;
  titleEn: string;
  titleAr: string;
  kind: 'therapist' | 'physician';
  color: string;
  bookableOnline: boolean;
  active: boolean;
  serviceIds: string[];
}

export interface Practitioner extends PractitionerFields {
  id: string;
  weeklyHours: WeeklyInterval[];
  breaks: WeeklyInterval[];
}

export interface ServiceFields {
  nameEn: string;
  nameAr: string;
  descriptionEn: string;
  descriptionAr: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  practitionerKind: 'therapist' | 'physician';
  requiresRoom: boolean;
  priceAed: number | null;
  bookableOnline: boolean;
  active: boolean;
}

export interface Service extends ServiceFields {
  id: string;
}

export interface RoomFields {
  nameEn: string;
  nameAr: string;
  active: boolean;
}

export interface Room extends RoomFields {
  id: string;
}

export interface ScheduleExceptionInput {
  practitionerId: string | null;
  kind: 'closed' | 'extra_hours';
  dateFrom: string;
  dateTo: string;
  start?: string;
  end?: string;
  note?: string;
}

export interface ScheduleException {
  id: string;
  practitionerId: string | null;
  kind: 'closed' | 'extra_hours';
  dateFrom: string;
  dateTo: string;
  start: string | null;
  end: string | null;
  note: string;
}

/** An online booking the abuse rule flagged, awaiting reception's decision. */
export interface SuspiciousBooking {
  id: string;
  reference: string;
  start: string;
  serviceName: string;
  practitionerName: string;
  patientName: string;
  contact: string;
  bookedFromIp: string;
  reason: string;
  bookedAt: string;
}

export interface OutboxMessage {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  transport: string | null;
  sendAfter: string;
  sentAt: string | null;
  attachmentCount: number;
  lastError: string | null;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface NewAppointment {
  serviceId: string;
  practitionerId: string;
  roomId?: string;
  start: string;
  patientId?: string;
  patient?: { name: string; email: string; phone?: string };
  note?: string;
}

export interface NewBlock {
  practitionerId?: string;
  roomId?: string;
  start: string;
  end: string;
  note?: string;
}

export interface StaffAlertSummary {
  id: string;
  readAt: string | null;
}

export const staffApi = {
  signIn: (email: string, password: string) => api<SignInResult>('/api/auth/login', { method: 'POST', body: { email, password } }),
  me: () => api<StaffSession>('/api/auth/me'),
  signOut: () => api<unknown>('/api/auth/logout', { method: 'POST' }),
  signOutEverywhere: () => api<unknown>('/api/auth/logout-everywhere', { method: 'POST' }),
  clinic: () => api<Clinic>('/api/clinic'),

  calendar: (query: { from: string; to: string; practitionerId?: string; roomId?: string }) => {
    const params = new URLSearchParams({ from: query.from, to: query.to });
    if (query.practitionerId) params.set('practitionerId', query.practitionerId);
    if (query.roomId) params.set('roomId', query.roomId);
    return api<CalendarResponse>(`/api/staff/calendar?${params.toString()}`);
  },
  createAppointment: (body: NewAppointment) => api<{ id: string; reference: string }>('/api/staff/appointments', { method: 'POST', body }),
  moveAppointment: (id: string, body: { start: string; end?: string }) =>
    api<unknown>(`/api/staff/appointments/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  cancelAppointment: (id: string, reason?: string) =>
    api<unknown>(`/api/staff/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: reason ? { reason } : {} }),
  createBlock: (body: NewBlock) => api<{ id: string }>('/api/staff/blocks', { method: 'POST', body }),

  practitioners: () => api<Practitioner[]>('/api/staff/practitioners'),
  services: () => api<Service[]>('/api/staff/services'),
  rooms: () => api<Room[]>('/api/staff/rooms'),
  savePractitioner: (id: string | undefined, body: Partial<PractitionerFields>) =>
    id ? api<{ id: string }>(`/api/staff/practitioners/${encodeURIComponent(id)}`, { method: 'PATCH', body }) : api<{ id: string }>('/api/staff/practitioners', { method: 'POST', body }),
  saveService: (id: string | undefined, body: Partial<ServiceFields>) =>
    id ? api<{ id: string }>(`/api/staff/services/${encodeURIComponent(id)}`, { method: 'PATCH', body }) : api<{ id: string }>('/api/staff/services', { method: 'POST', body }),
  saveRoom: (id: string | undefined, body: Partial<RoomFields>) =>
    id ? api<{ id: string }>(`/api/staff/rooms/${encodeURIComponent(id)}`, { method: 'PATCH', body }) : api<{ id: string }>('/api/staff/rooms', { method: 'POST', body }),
  saveSchedule: (id: string, body: { weeklyHours: WeeklyInterval[]; breaks: WeeklyInterval[] }) =>
    api<unknown>(`/api/staff/practitioners/${encodeURIComponent(id)}/schedule`, { method: 'PUT', body }),

  exceptions: () => api<ScheduleException[]>('/api/staff/exceptions'),
  addException: (body: ScheduleExceptionInput) => api<ScheduleException>('/api/staff/exceptions', { method: 'POST', body }),
  deleteException: (id: string) => api<unknown>(`/api/staff/exceptions/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  audit: (query: { entityType?: string; entityId?: string; limit?: number }) => {
    const params = new URLSearchParams();
    if (query.entityType) params.set('entityType', query.entityType);
    if (query.entityId) params.set('entityId', query.entityId);
    if (query.limit) params.set('limit', String(query.limit));
    return api<AuditEntry[]>(`/api/staff/audit?${params.toString()}`);
  },
  mailbox: () => api<OutboxMessage[]>('/api/staff/mailbox'),
  suspiciousBookings: () => api<SuspiciousBooking[]>('/api/staff/suspicious-bookings'),
  keepSuspiciousBooking: (id: string) => api<unknown>(`/api/staff/suspicious-bookings/${encodeURIComponent(id)}/keep`, { method: 'POST' }),
  releaseSuspiciousBooking: (id: string) => api<unknown>(`/api/staff/suspicious-bookings/${encodeURIComponent(id)}/release`, { method: 'POST' }),
  /** The signed-in user's own alerts (unread first); the navigation shows how many are unread. */
  alerts: () => api<StaffAlertSummary[]>('/api/staff/alerts'),
};
