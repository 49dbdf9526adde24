import { encodeCompactAvailability } from '@myomap/domain/scheduling/encode-compact-availability';
import type { AvailabilityCompactOut, AvailabilityOut } from '@myomap/contract/scheduling/availability.schemas';
import { AppError } from '../lib/app-error.ts';
import { findOnlineAvailability } from './find-availability.ts';
import type { BusyTimes } from './busy-times.ts';
import type { ScheduleCatalog } from './schedule-catalog.ts';

export interface AvailabilityRequest {
  serviceId: string;
  practitionerId?: string | undefined;
  from: string;
  to: string;
  format: 'full' | 'compact';
}

/** A service's open slots for online booking, in the documented form or the compact one, from the cached catalog and busy times. */
export async function readAvailability(
  catalog: ScheduleCatalog,
  busyTimes: BusyTimes,
  request: AvailabilityRequest,
  now: Date,
): Promise<AvailabilityOut | AvailabilityCompactOut> {
  const snapshot = await catalog.read();
  const { clinic } = snapshot;
  const service = snapshot.services.get(request.serviceId);
  if (!service || !service.active || !service.bookableOnline) throw new AppError('unknown_service', 'No such service is bookable online.');
  const slots = await findOnlineAvailability((query) => busyTimes.read(query, now.getTime(), clinic.horizonDays), snapshot, {
    service,
    practitionerId: request.practitionerId,
    fromDate: request.from,
    toDate: request.to,
    now,
  });
  if (request.format === 'compact') return encodeCompactAvailability(slots, clinic.timeZone, service.durationMinutes);
  return { timeZone: clinic.timeZone, slots: slots.map(({ start, end, practitionerId }) => ({ start, end, practitionerId })) };
}
