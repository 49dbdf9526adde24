import { buildWeeklyMinutes } from './build-day-minutes.ts';
import { buildWorkingPieces } from './build-working-pieces.ts';
import { collectPractitionerSlots } from './collect-practitioner-slots.ts';
import { epochDayOfDate } from './epoch-days.ts';
import { prepareAvailability } from './prepare-availability.ts';
import type { AvailabilityQuery, PractitionerSchedule, Slot } from './scheduling-types.ts';

/**
 * Open slots for one service on the local dates fromDate…toDate, for every practitioner
 * given (the caller passes only those who can do the service), sorted by start and then by
 * practitioner id.
 *
 * A start S with visit length D is open for a practitioner when the occupied interval
 * [S - bufferBefore, S + D + bufferAfter):
 * - lies inside their working time (weekly hours − breaks, adjusted by closures and extra
 *   hours; see build-day-minutes.ts), with S on the slot grid of that working interval;
 * - overlaps none of their busy intervals, and, if the service needs a room, leaves at least
 *   one room with no busy interval overlapping it (the first such room is returned);
 * and now + minNotice ≤ S ≤ now + horizonDays.
 * All intervals are half-open: a visit ending at 10:00 does not clash with one starting at 10:00.
 */
export function findOpenSlots(query: AvailabilityQuery): Slot[] {
  const fromDay = epochDayOfDate(query.fromDate);
  const toDay = epochDayOfDate(query.toDate);
  if (fromDay > toDay) return [];
  const practitioners = [...query.practitioners].sort(compareById);
  const prepared = prepareAvailability(
    query,
    fromDay,
    toDay,
    practitioners.map((p) => p.id),
  );
  if (prepared.earliestStartMs > prepared.latestStartMs) return [];
  if (prepared.requiresRoom && prepared.roomIds.length === 0) return [];

  const slots: Slot[] = [];
  for (const practitioner of practitioners) {
    const weekly = buildWeeklyMinutes(practitioner);
    const pieces = buildWorkingPieces(practitioner.id, weekly, prepared.days, prepared.exceptions, query.timeZone);
    collectPractitionerSlots(prepared, practitioner.id, pieces, slots);
  }
  // Each practitioner's run is already in start order and the runs are in id order, so a
  // stable sort on start alone gives start-then-practitioner order (and merges runs cheaply).
  return slots.sort((a, b) => a.startEpochMs - b.startEpochMs);
}

function compareById(a: PractitionerSchedule, b: PractitionerSchedule): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
