import { findOpenSlots } from '@myomap/domain/scheduling/find-open-slots';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { eligiblePractitionerIds, type ServiceRow } from '../stores/catalog-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import { loadSchedule } from '../stores/schedule-store.ts';

export interface OpenSlot {
  start: string;
  end: string;
  practitionerId: string;
  roomId?: string | undefined;
  startEpochMs: number;
  endEpochMs: number;
}

export async function findAvailability(
  sql: Sql,
  args: { clinic: ClinicSettings; service: ServiceRow; practitionerId?: string | undefined; fromDate: string; toDate: string; now: Date; online: boolean },
): Promise<OpenSlot[]> {
  const { clinic, service } = args;
  const practitionerIds = await eligiblePractitionerIds(sql, service.id, args.practitionerId, args.online);
  if (args.practitionerId && practitionerIds.length === 0) {
    throw new AppError('unknown_practitioner', 'That practitioner does not offer this service online.');
  }
  if (practitionerIds.length === 0) return [];
  const schedule = await loadSchedule(sql, {
    serviceId: service.id,
    practitionerIds,
    requiresRoom: service.requiresRoom,
    fromDate: args.fromDate,
    toDate: args.toDate,
    timeZone: clinic.timeZone,
  });
  return findOpenSlots({
    timeZone: clinic.timeZone,
    fromDate: args.fromDate,
    toDate: args.toDate,
    now: args.now.getTime(),
    minNoticeMinutes: args.online ? clinic.minNoticeMinutes : 0,
    horizonDays: args.online ? clinic.horizonDays : 366,
    slotStepMinutes: clinic.slotStepMinutes,
    service: {
      durationMinutes: service.durationMinutes,
      bufferBeforeMinutes: service.bufferBeforeMinutes,
      bufferAfterMinutes: service.bufferAfterMinutes,
      requiresRoom: service.requiresRoom,
    },
    ...schedule,
  });
}
