import type { BusyInterval } from './scheduling-types.ts';

/**
 * Busy time of one practitioner or room: merged, sorted, disjoint intervals as a flat array
 * [start0, end0, start1, end1, …]. Because they are disjoint, both starts and ends ascend,
 * which is what lets the slot scan use a moving pointer and binary search.
 */
export type BusyTimeline = readonly number[];

export interface BusyIndex {
  byPractitioner: ReadonlyMap<string, BusyTimeline>;
  byRoom: ReadonlyMap<string, BusyTimeline>;
}

const EMPTY: BusyTimeline = [];

/**
 * Indexes the busy intervals that overlap [fromMs, toMs) for the given practitioners and
 * rooms, ignoring the rest. One pass over the input plus a sort per owner, so a query over a
 * week costs about the same whether the caller loaded a week or a quarter of appointments.
 */
export function indexBusyIntervals(
  busy: readonly BusyInterval[],
  fromMs: number,
  toMs: number,
  practitionerIds: readonly string[],
  roomIds: readonly string[],
): BusyIndex {
  const practitionerBuckets = new Map<string, BusyInterval[]>(practitionerIds.map((id) => [id, []]));
  const roomBuckets = new Map<string, BusyInterval[]>(roomIds.map((id) => [id, []]));
  for (const interval of busy) {
    // [) ranges: an appointment ending exactly at fromMs cannot clash with anything in the
    // window. Written as !(start < end) so NaN bounds are dropped, not merged into a timeline.
    if (!(interval.start < interval.end) || interval.end <= fromMs || interval.start >= toMs) continue;
    if (interval.practitionerId !== undefined) practitionerBuckets.get(interval.practitionerId)?.push(interval);
    if (interval.roomId !== undefined) roomBuckets.get(interval.roomId)?.push(interval);
  }
  return { byPractitioner: toTimelines(practitionerBuckets), byRoom: toTimelines(roomBuckets) };
}

function toTimelines(buckets: Map<string, BusyInterval[]>): Map<string, BusyTimeline> {
  const timelines = new Map<string, BusyTimeline>();
  for (const [id, intervals] of buckets) timelines.set(id, mergeBusy(intervals));
  return timelines;
}

function mergeBusy(intervals: BusyInterval[]): BusyTimeline {
  if (intervals.length === 0) return EMPTY;
  intervals.sort((a, b) => a.start - b.start);
  const merged: number[] = [];
  for (const { start, end } of intervals) {
    const last = merged.length - 1;
    // Touching intervals join too: under [) there is no free moment between them.
    if (last > 0 && start <= (merged[last] as number)) {
      if (end > (merged[last] as number)) merged[last] = end;
    } else {
      merged.push(start, end);
    }
  }
  return merged;
}

/**
 * Index (even, into the flat timeline) of the first busy interval that ends after `t`, at or
 * after `from`; timeline.length when there is none.
 */
export function findFirstEndingAfter(timeline: BusyTimeline, t: number, from = 0): number {
  let low = from / 2;
  let high = timeline.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((timeline[mid * 2 + 1] as number) <= t) low = mid + 1;
    else high = mid;
  }
  return low * 2;
}

export function timelineOf(timelines: ReadonlyMap<string, BusyTimeline>, id: string): BusyTimeline {
  return timelines.get(id) ?? EMPTY;
}
