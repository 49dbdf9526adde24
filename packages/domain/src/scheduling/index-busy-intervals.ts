import type { BusyInterval } from './scheduling-types.ts';

/**
 * Busy time of one practitioner or room: merged, sorted, disjoint intervals as a flat array
 * [start0, end0, start1, end1, …]. Because they are disjoint, both starts and ends ascend,
 * which is what lets the slot scan use a moving pointer and binary search.
 */
export type BusyTimeline = ArrayLike<number>;

export interface BusyIndex {
  byPractitioner: ReadonlyMap<string, BusyTimeline>;
  byRoom: ReadonlyMap<string, BusyTimeline>;
}

const EMPTY: BusyTimeline = new Float64Array(0);

/** One owner's raw intervals as [start, end] pairs, and whether they arrived in start order. */
interface Bucket {
  pairs: number[];
  sorted: boolean;
}

/**
 * Indexes the busy intervals that overlap [fromMs, toMs) for the given practitioners and
 * rooms, ignoring the rest: one pass over the input, then a merge per owner. A week's query
 * costs about the same whether the caller loaded a week or a quarter of appointments.
 * Input already in start order (a store's `order by`) is merged without sorting.
 */
export function indexBusyIntervals(
  busy: readonly BusyInterval[],
  fromMs: number,
  toMs: number,
  practitionerIds: readonly string[],
  roomIds: readonly string[],
): BusyIndex {
  const practitionerBuckets = new Map<string, Bucket>(practitionerIds.map((id) => [id, { pairs: [], sorted: true }]));
  const roomBuckets = new Map<string, Bucket>(roomIds.map((id) => [id, { pairs: [], sorted: true }]));
  for (let i = 0; i < busy.length; i++) {
    const interval = busy[i] as BusyInterval;
    const start = interval.start;
    const end = interval.end;
    // [) ranges: an appointment ending exactly at fromMs cannot clash with anything in the
    // window. Written as !(start < end) so NaN bounds are dropped, not merged into a timeline.
    if (!(start < end) || end <= fromMs || start >= toMs) continue;
    const practitionerId = interval.practitionerId;
    const roomId = interval.roomId;
    if (practitionerId !== undefined) addTo(practitionerBuckets.get(practitionerId), start, end);
    if (roomId !== undefined) addTo(roomBuckets.get(roomId), start, end);
  }
  return { byPractitioner: toTimelines(practitionerBuckets), byRoom: toTimelines(roomBuckets) };
}

function addTo(bucket: Bucket | undefined, start: number, end: number): void {
  if (bucket === undefined) return;
  const pairs = bucket.pairs;
  if (pairs.length > 0 && start < (pairs[pairs.length - 2] as number)) bucket.sorted = false;
  pairs.push(start, end);
}

function toTimelines(buckets: Map<string, Bucket>): Map<string, BusyTimeline> {
  const timelines = new Map<string, BusyTimeline>();
  for (const [id, bucket] of buckets) {
    const { pairs, sorted } = bucket;
    timelines.set(id, pairs.length === 0 ? EMPTY : sorted ? mergeSorted(pairs) : mergeUnsorted(pairs));
  }
  return timelines;
}

/** Pairs in start order → their union. Touching intervals join: under [) no free moment separates them. */
function mergeSorted(pairs: number[]): BusyTimeline {
  const merged: number[] = [pairs[0] as number, pairs[1] as number];
  for (let i = 2; i < pairs.length; i += 2) {
    const start = pairs[i] as number;
    const end = pairs[i + 1] as number;
    const last = merged.length - 1;
    if (start <= (merged[last] as number)) {
      if (end > (merged[last] as number)) merged[last] = end;
    } else {
      merged.push(start, end);
    }
  }
  return merged;
}

/**
 * Pairs in any order → their union, without sorting objects or pairs: sort the starts and the
 * ends separately (native numeric sorts) and sweep, counting the intervals open at each
 * moment; busy time is where the count is above zero. Taking a start before an end at the
 * same moment joins touching intervals, as mergeSorted does.
 */
function mergeUnsorted(pairs: number[]): BusyTimeline {
  const count = pairs.length / 2;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = pairs[i * 2] as number;
    ends[i] = pairs[i * 2 + 1] as number;
  }
  starts.sort();
  ends.sort();
  const merged: number[] = [];
  let open = 0;
  let s = 0;
  for (let e = 0; e < count;) {
    if (s < count && (starts[s] as number) <= (ends[e] as number)) {
      if (open === 0) merged.push(starts[s] as number);
      open++;
      s++;
    } else {
      open--;
      if (open === 0) merged.push(ends[e] as number);
      e++;
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
