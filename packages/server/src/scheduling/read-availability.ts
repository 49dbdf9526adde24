import { encodeCompactAvailability } from '@myomap/domain/scheduling/encode-compact-availability';
import type { AvailabilityCompactOut, AvailabilityOut } from '@myomap/contract/scheduling/availability.schemas';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { findService } from '../stores/catalog-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findAvailability } from './find-availability.ts';

export interface AvailabilityRequest {
  serviceId: string;
  practitionerId?: string | undefined;
  from: string;
  to: string;
  format: 'full' | 'compact';
}

/** A service's open slots for online booking, in the documented form or the compact one. */
export async function readAvailability(db: Sql, request: AvailabilityRequest, now: Date): Promise<AvailabilityOut | AvailabilityCompactOut> {
  const clinic = await loadClinic(db);
  const service = await findService(db, request.serviceId);
  if (!service || !service.active || !service.bookableOnline) throw new AppError('unknown_service', 'No such service is bookable online.');
  const slots = await findAvailability(db, {
    clinic,
    service,
    practitionerId: request.practitionerId,
    fromDate: request.from,
    toDate: request.to,
    now,
    online: true,
  });
  if (request.format === 'compact') return encodeCompactAvailability(slots, clinic.timeZone, service.durationMinutes);
  return { timeZone: clinic.timeZone, slots: slots.map(({ start, end, practitionerId }) => ({ start, end, practitionerId })) };
}
