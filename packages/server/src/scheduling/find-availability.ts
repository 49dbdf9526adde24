import { findOpenSlots } from '@myomap/domain/scheduling/find-open-slots';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { eligiblePractitionerIds, type ServiceRow } from '../stores/catalog-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import type { BusyInterval } from '@myomap/domain/scheduling/scheduling-types';
import { loadSchedule, type ScheduleData } from '../stores/schedule-store.ts';
import type { BusyQuery } from './busy-times.ts';
import type { ScheduleCatalogSnapshot } from './schedule-catalog.ts';

export interface OpenSlot {
  start: string;
  end: string;
  practitionerId: string;
  roomId?: string | undefined;
  startEpochMs: number;
  endEpochMs: number;
}

interface AvailabilityArgs {
  clinic: ClinicSettings;
  service: ServiceRow;
  practitionerId?: string | undefined;
  fromDate: string;
  toDate: string;
  now: Date;
  online: boolean;
}

const noPractitioner = () => new AppError('unknown_practitioner', 'That practitioner does not offer this service online.');

/** Reads everything from `sql` (in the caller's transaction, when it has one). */
export async function findAvailability(sql: Sql, args: AvailabilityArgs): Promise<OpenSlot[]> {
  const { clinic, service } = args;
  const practitionerIds = await eligiblePractitionerIds(sql, service.id, args.practitionerId, args.online);
  if (args.practitionerId && practitionerIds.length === 0) throw noPractitioner();
  if (practitionerIds.length === 0) return [];
  const schedule = await loadSchedule(sql, {
    serviceId: service.id,
    practitionerIds,
    requiresRoom: service.requiresRoom,
    fromDate: args.fromDate,
    toDate: args.toDate,
    timeZone: clinic.timeZone,
  });
  return openSlots(args, schedule);
}

/** Reads the busy intervals for a query: loadBusy's answer, or a superset of it (busy-times.ts). */
export type ReadBusy = (query: BusyQuery) => Promise<readonly BusyInterval[]>;

/**
 * Online availability from a cached catalog (schedule-catalog.ts): the same rules and answer as
 * findAvailability with `online: true`, with one read, the busy times, instead of six.
 */
export async function findOnlineAvailability(
  readBusy: ReadBusy,
  catalog: ScheduleCatalogSnapshot,
  args: Omit<AvailabilityArgs, 'clinic' | 'online'>,
): Promise<OpenSlot[]> {
  const { service } = args;
  // As eligiblePractitionerIds: active, bookable online, offering the service (by id, in id order).
  const eligible = catalog.practitioners.filter(
    (p) => p.bookableOnline && p.serviceIds.has(service.id) && (!args.practitionerId || p.id === args.practitionerId),
  );
  if (args.practitionerId && eligible.length === 0) throw noPractitioner();
  if (eligible.length === 0) return [];
  const ids = new Set(eligible.map((p) => p.id));
  const rooms = service.requiresRoom ? catalog.activeRoomIds.map((id) => ({ id })) : [];
  const busy = await readBusy({
    practitionerIds: [...ids],
    roomIds: rooms.map((r) => r.id),
    fromDate: args.fromDate,
    toDate: args.toDate,
    timeZone: catalog.clinic.timeZone,
  });
  return openSlots(
    { ...args, clinic: catalog.clinic, online: true },
    {
      practitioners: eligible.map(({ id }) => ({ id, weeklyHours: [], breaks: [], ...catalog.weekly.get(id) })),
      exceptions: catalog.exceptions.filter(
        (e) => (e.practitionerId === null || ids.has(e.practitionerId)) && e.dateFrom <= args.toDate && e.dateTo >= args.fromDate,
      ),
      rooms,
      busy,
    },
  );
}

function openSlots(args: AvailabilityArgs, schedule: ScheduleData): OpenSlot[] {
  const { clinic, service } = args;
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
