import type { AppointmentRow } from '../stores/appointment-store.ts';
import { toZonedIso } from '../lib/zoned-time.ts';

/** A visit as the booking routes answer with it: times in the clinic's zone, and the manage token once. */
export interface BookingView {
  id: string;
  reference: string;
  status: string;
  start: string;
  end: string;
  serviceId: string;
  practitionerId: string;
  roomId: string | null;
  manageToken?: string;
}

export function bookingView(row: AppointmentRow, timeZone: string, manageToken?: string): BookingView {
  return {
    id: row.id,
    reference: row.reference ?? '',
    status: row.status,
    start: toZonedIso(row.startsAt, timeZone),
    end: toZonedIso(row.endsAt, timeZone),
    serviceId: row.serviceId ?? '',
    practitionerId: row.practitionerId ?? '',
    roomId: row.roomId,
    ...(manageToken ? { manageToken } : {}),
  };
}
