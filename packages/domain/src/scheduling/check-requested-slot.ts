import { buildWeeklyMinutes } from './build-day-minutes.ts';
import { buildWorkingPieces, PIECE_STRIDE } from './build-working-pieces.ts';
import { makeSlot } from './collect-practitioner-slots.ts';
import { findFirstEndingAfter, timelineOf, type BusyTimeline } from './index-busy-intervals.ts';
import { prepareAvailability } from './prepare-availability.ts';
import { readZoneOffsets, type OffsetSegment } from './read-zone-offsets.ts';
import type { AvailabilityRules, SlotCheck } from './scheduling-types.ts';

const MS_PER_DAY = 86_400_000;

/**
 * Re-checks a start the client asked to book against the same rules as findOpenSlots, so
 * the booking route can answer with a clear code (off grid, outside hours, too soon…).
 * It is advice, not the guard: two requests can both pass here, and the database's
 * exclusion constraint decides which one wins.
 *
 * Accepts exactly the starts findOpenSlots would list for the start's local date
 * (check-requested-slot.test.ts compares the two).
 */
export function checkRequestedSlot(rules: AvailabilityRules, practitionerId: string, startEpochMs: number): SlotCheck {
  const practitioner = rules.practitioners.find((p) => p.id === practitionerId);
  if (practitioner === undefined) return { ok: false, reason: 'unknown_practitioner' };
  // The start's local date as an epoch day: its wall clock is the instant plus the offset in force then.
  const { offsetMs } = readZoneOffsets(rules.timeZone, startEpochMs, startEpochMs)[0] as OffsetSegment;
  const day = Math.floor((startEpochMs + offsetMs) / MS_PER_DAY);
  const prepared = prepareAvailability(rules, day, day, [practitionerId]);
  if (startEpochMs < prepared.earliestStartMs) return { ok: false, reason: 'too_soon' };
  if (startEpochMs > prepared.latestStartMs) return { ok: false, reason: 'beyond_horizon' };

  const occupiedStart = startEpochMs - prepared.bufferBeforeMs;
  const occupiedEnd = startEpochMs + prepared.durationMs + prepared.bufferAfterMs;
  const pieces = buildWorkingPieces(practitionerId, buildWeeklyMinutes(practitioner), prepared.days, prepared.exceptions, rules.timeZone);
  let pieceStart: number | undefined;
  for (let i = 0; i < pieces.length; i += PIECE_STRIDE) {
    const start = pieces[i] as number;
    const inPiece = start <= startEpochMs && startEpochMs < (pieces[i + 1] as number);
    const inSpan = (pieces[i + 2] as number) <= occupiedStart && occupiedEnd <= (pieces[i + 3] as number);
    if (inPiece && inSpan) pieceStart = start;
  }
  if (pieceStart === undefined) return { ok: false, reason: 'outside_working_hours' };
  if ((startEpochMs - pieceStart) % prepared.stepMs !== 0) return { ok: false, reason: 'off_grid' };

  const busy = timelineOf(prepared.busy.byPractitioner, practitionerId);
  if (overlapsTimeline(busy, occupiedStart, occupiedEnd)) return { ok: false, reason: 'practitioner_busy' };

  let roomId: string | undefined;
  if (prepared.requiresRoom) {
    roomId = prepared.roomIds.find((id) => !overlapsTimeline(timelineOf(prepared.busy.byRoom, id), occupiedStart, occupiedEnd));
    if (roomId === undefined) return { ok: false, reason: 'no_room_free' };
  }
  return { ok: true, slot: makeSlot(prepared, practitionerId, startEpochMs, roomId) };
}

function overlapsTimeline(timeline: BusyTimeline, start: number, end: number): boolean {
  const i = findFirstEndingAfter(timeline, start);
  return i < timeline.length && (timeline[i] as number) < end;
}
