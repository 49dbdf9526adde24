import { PIECE_STRIDE } from './build-working-pieces.ts';
import { findFirstEndingAfter, timelineOf, type BusyTimeline } from './index-busy-intervals.ts';
import type { PreparedAvailability } from './prepare-availability.ts';
import type { Slot } from './scheduling-types.ts';

/**
 * Appends one practitioner's open slots, in start order, to `out`.
 *
 * Candidates are stepped in epoch ms from each working piece's start. That is right across
 * DST because the piece bounds were converted to instants first: on 2026-11-01 in New York a
 * 00:00–03:00 piece is 04:00Z–08:00Z, and 15-minute steps visit 01:00 EDT … 01:45 EDT and
 * then 01:00 EST … 01:45 EST, each real instant once. Busy time is walked with moving
 * pointers (candidates only move forward), and a clash jumps straight to the first grid
 * point after the blocking interval, so the cost is about candidates + busy intervals.
 */
export function collectPractitionerSlots(prepared: PreparedAvailability, practitionerId: string, pieces: readonly number[], out: Slot[]): void {
  const { stepMs, durationMs, bufferBeforeMs, bufferAfterMs, requiresRoom, roomIds } = prepared;
  const busy = timelineOf(prepared.busy.byPractitioner, practitionerId);
  const rooms: BusyTimeline[] = roomIds.map((id) => timelineOf(prepared.busy.byRoom, id));
  const roomPointers: number[] = rooms.map(() => 0);
  let busyPointer = 0;

  for (let i = 0; i < pieces.length; i += PIECE_STRIDE) {
    const pieceStart = pieces[i] as number;
    const pieceEnd = pieces[i + 1] as number;
    const spanStart = pieces[i + 2] as number;
    const spanEnd = pieces[i + 3] as number;
    if (pieceStart < prepared.rangeStartMs || pieceStart >= prepared.rangeEndMs) continue;

    // A start S is allowed when S is in this piece, [S - before, S + duration + after) is in
    // the span, S is not too soon or beyond the horizon, and S is on one of the asked-for days.
    const lowest = Math.max(pieceStart, spanStart + bufferBeforeMs, prepared.earliestStartMs);
    const highest = Math.min(pieceEnd - 1, spanEnd - durationMs - bufferAfterMs, prepared.latestStartMs, prepared.rangeEndMs - 1);
    let start = alignToGrid(lowest, pieceStart, stepMs);
    if (start > highest) continue;
    for (let r = 0; r < rooms.length; r++) {
      roomPointers[r] = findFirstEndingAfter(rooms[r] as BusyTimeline, start - bufferBeforeMs, roomPointers[r]);
    }

    while (start <= highest) {
      const occupiedStart = start - bufferBeforeMs;
      const occupiedEnd = start + durationMs + bufferAfterMs;

      while (busyPointer < busy.length && (busy[busyPointer + 1] as number) <= occupiedStart) busyPointer += 2;
      if (busyPointer < busy.length && (busy[busyPointer] as number) < occupiedEnd) {
        // [) ranges: the first start whose buffer-before clears the busy end is free of it.
        start = alignToGrid((busy[busyPointer + 1] as number) + bufferBeforeMs, pieceStart, stepMs);
        continue;
      }

      let roomId: string | undefined;
      if (requiresRoom) {
        let soonestRoomEnd = Infinity;
        for (let r = 0; r < rooms.length; r++) {
          const timeline = rooms[r] as BusyTimeline;
          let q = roomPointers[r] as number;
          while (q < timeline.length && (timeline[q + 1] as number) <= occupiedStart) q += 2;
          roomPointers[r] = q;
          if (q >= timeline.length || (timeline[q] as number) >= occupiedEnd) {
            roomId = roomIds[r];
            break;
          }
          soonestRoomEnd = Math.min(soonestRoomEnd, timeline[q + 1] as number);
        }
        if (roomId === undefined) {
          if (soonestRoomEnd === Infinity) break; // every room is blocked for good
          start = alignToGrid(soonestRoomEnd + bufferBeforeMs, pieceStart, stepMs);
          continue;
        }
      }

      out.push(makeSlot(prepared, practitionerId, start, roomId));
      start += stepMs;
    }
  }
}

export function makeSlot(prepared: PreparedAvailability, practitionerId: string, startEpochMs: number, roomId: string | undefined): Slot {
  const endEpochMs = startEpochMs + prepared.durationMs;
  const slot: Slot = {
    start: prepared.formatInstant(startEpochMs),
    end: prepared.formatInstant(endEpochMs),
    practitionerId,
    startEpochMs,
    endEpochMs,
  };
  if (roomId !== undefined) slot.roomId = roomId;
  return slot;
}

/** The first grid point anchor + k·step (k ≥ 0) at or after t. */
export function alignToGrid(t: number, anchor: number, stepMs: number): number {
  if (t <= anchor) return anchor;
  return anchor + Math.ceil((t - anchor) / stepMs) * stepMs;
}
