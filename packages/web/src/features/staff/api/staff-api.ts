import { api } from '../../../lib/api/api-client.ts';
import type { StaffUser } from '@myomap/contract/auth/auth.schemas';
import type {
  AppointmentOut,
  BlockOut,
  CalendarEvent,
  CalendarEventKind,
  CalendarOut,
  MoveAppointmentIn,
  NewAppointmentIn,
  NewBlockIn,
} from '@myomap/contract/staff/calendar.schemas';
import type {
  PractitionerFields,
  RoomFields,
  SavedOut,
  ServiceFields,
  StaffPractitioner,
  StaffRoom,
  StaffService,
  WeeklyInterval,
  WeeklyScheduleOut,
} from '@myomap/contract/staff/catalog-admin.schemas';
import type { AuditEntry, AuditQuery, MailboxQuery, OutboxMessage } from '@myomap/contract/staff/records.schemas';
import type { ScheduleException, ScheduleExceptionCreated, ScheduleExceptionIn } from '@myomap/contract/staff/schedule-exceptions.schemas';
import type { KeptOut, ReleasedOut, SuspiciousBooking } from '@myomap/contract/staff/suspicious-bookings.schemas';

/** Shapes of the staff API: derived from the contract the server validates and serialises with (packages/contract). */
export type {
  AuditEntry,
  CalendarEvent,
  CalendarEventKind,
  OutboxMessage,
  PractitionerFields,
  RoomFields,
  ScheduleException,
  ServiceFields,
  StaffUser,
  SuspiciousBooking,
  WeeklyInterval,
};
export type StaffRole = StaffUser['role'];
export type CalendarResponse = CalendarOut;
export type Practitioner = StaffPractitioner;
export type Service = StaffService;
export type Room = StaffRoom;
export type ScheduleExceptionInput = ScheduleExceptionIn;
export type NewAppointment = NewAppointmentIn;
export type NewBlock = NewBlockIn;

/** The staff API calls; screens read them through the query options in staff-queries.ts. */
export const staffApi = {
  calendar: (query: { from: string; to: string; practitionerId?: string; roomId?: string }) => {
    const params = new URLSearchParams({ from: query.from, to: query.to });
    if (query.practitionerId) params.set('practitionerId', query.practitionerId);
    if (query.roomId) params.set('roomId', query.roomId);
    return api<CalendarResponse>(`/api/staff/calendar?${params.toString()}`);
  },
  createAppointment: (body: NewAppointment) => api<AppointmentOut>('/api/staff/appointments', { method: 'POST', body }),
  moveAppointment: (id: string, body: MoveAppointmentIn) => api<AppointmentOut>(`/api/staff/appointments/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  cancelAppointment: (id: string, reason?: string) =>
    api<AppointmentOut>(`/api/staff/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: reason ? { reason } : {} }),
  createBlock: (body: NewBlock) => api<BlockOut>('/api/staff/blocks', { method: 'POST', body }),

  practitioners: () => api<Practitioner[]>('/api/staff/practitioners'),
  services: () => api<Service[]>('/api/staff/services'),
  rooms: () => api<Room[]>('/api/staff/rooms'),
  savePractitioner: (id: string | undefined, body: Partial<PractitionerFields>) =>
    id
      ? api<SavedOut>(`/api/staff/practitioners/${encodeURIComponent(id)}`, { method: 'PATCH', body })
      : api<SavedOut>('/api/staff/practitioners', { method: 'POST', body }),
  saveService: (id: string | undefined, body: Partial<ServiceFields>) =>
    id
      ? api<SavedOut>(`/api/staff/services/${encodeURIComponent(id)}`, { method: 'PATCH', body })
      : api<SavedOut>('/api/staff/services', { method: 'POST', body }),
  saveRoom: (id: string | undefined, body: Partial<RoomFields>) =>
    id ? api<SavedOut>(`/api/staff/rooms/${encodeURIComponent(id)}`, { method: 'PATCH', body }) : api<SavedOut>('/api/staff/rooms', { method: 'POST', body }),
  saveSchedule: (id: string, body: { weeklyHours: WeeklyInterval[]; breaks: WeeklyInterval[] }) =>
    api<WeeklyScheduleOut>(`/api/staff/practitioners/${encodeURIComponent(id)}/schedule`, { method: 'PUT', body }),

  exceptions: () => api<ScheduleException[]>('/api/staff/exceptions'),
  addException: (body: ScheduleExceptionInput) => api<ScheduleExceptionCreated>('/api/staff/exceptions', { method: 'POST', body }),
  deleteException: (id: string) => api<unknown>(`/api/staff/exceptions/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  audit: (query: AuditQuery) => api<AuditEntry[]>(`/api/staff/audit?${searchParams(query)}`),
  mailbox: (query: MailboxQuery) => api<OutboxMessage[]>(`/api/staff/mailbox?${searchParams(query)}`),
  suspiciousBookings: () => api<SuspiciousBooking[]>('/api/staff/suspicious-bookings'),
  keepSuspiciousBooking: (id: string) => api<KeptOut>(`/api/staff/suspicious-bookings/${encodeURIComponent(id)}/keep`, { method: 'POST' }),
  releaseSuspiciousBooking: (id: string) => api<ReleasedOut>(`/api/staff/suspicious-bookings/${encodeURIComponent(id)}/release`, { method: 'POST' }),
};

/** A query string of the filled-in fields only: an empty filter is no filter. */
function searchParams(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}
