import * as b from './availability-engine.bench.ts';
import type { BusyInterval } from '../packages/domain/src/scheduling/scheduling-types.ts';
type BusyTimeline = ArrayLike<number>; const EMPTY = new Float64Array(0);
const T = { a: 0, b: 0, c: 0 };
const base = (b as any).makeBase(100000);
const busy = base.busy as any[];
const ids: string[] = base.practitioners.map((p: any) => p.id); const rooms: string[] = base.rooms.map((r: any) => r.id);
const from = busy.reduce((m, x) => Math.min(m, x.start), Infinity) + 40 * 86400e3, to = from + 9 * 86400e3;
function idx(
  busy: readonly BusyInterval[],
  fromMs: number,
  toMs: number,
  practitionerIds: readonly string[],
  roomIds: readonly string[],
): BusyIndex {
  // Owners are numbered: practitioners 0…P-1, then rooms P…P+R-1.
  let t0 = performance.now();
  const practitionerOwner = new Map<string, number>(practitionerIds.map((id, i) => [id, i]));
  const roomOwner = new Map<string, number>(roomIds.map((id, i) => [id, practitionerIds.length + i]));
  const owners = practitionerIds.length + roomIds.length;
  const counts = new Int32Array(owners);
  const picked: BusyInterval[] = [];
  const pickedOwners: number[] = [];

  for (let i = 0; i < busy.length; i++) {
    const interval = busy[i] as BusyInterval;
    const { start, end } = interval;
    // [) ranges: an appointment ending exactly at fromMs cannot clash with anything in the
    // window. Written as !(start < end) so NaN bounds are dropped, not merged into a timeline.
    if (!(start < end) || end <= fromMs || start >= toMs) continue;
    const { practitionerId, roomId } = interval;
    const practitioner = practitionerId === undefined ? undefined : practitionerOwner.get(practitionerId);
    const room = roomId === undefined ? undefined : roomOwner.get(roomId);
    if (practitioner === undefined && room === undefined) continue;
    picked.push(interval);
    pickedOwners.push(practitioner ?? -1, room ?? -1);
    if (practitioner !== undefined) counts[practitioner]!++;
    if (room !== undefined) counts[room]!++;
  }

  T.a += performance.now() - t0; t0 = performance.now();
  const starts = Array.from(counts, (count) => new Float64Array(count));
  const ends = Array.from(counts, (count) => new Float64Array(count));
  const filled = new Int32Array(owners);
  for (let i = 0; i < picked.length; i++) {
    const { start, end } = picked[i] as BusyInterval;
    for (let k = 0; k < 2; k++) {
      const owner = pickedOwners[i * 2 + k] as number;
      if (owner < 0) continue;
      const slot = filled[owner]!++;
      (starts[owner] as Float64Array)[slot] = start;
      (ends[owner] as Float64Array)[slot] = end;
    }
  }

  T.b += performance.now() - t0; t0 = performance.now();
  const timelines = starts.map((ownerStarts, owner) => toTimeline(ownerStarts, ends[owner] as Float64Array));
  T.c += performance.now() - t0;
  return {
    byPractitioner: new Map(practitionerIds.map((id, i) => [id, timelines[i] as BusyTimeline])),
    byRoom: new Map(roomIds.map((id, i) => [id, timelines[practitionerIds.length + i] as BusyTimeline])),
  };
}

function toTimeline(starts: Float64Array, ends: Float64Array): BusyTimeline {
  if (starts.length === 0) return EMPTY;
  starts.sort();
  ends.sort();
  const merged: number[] = [];
  let open = 0;
  let s = 0;
  let e = 0;
  while (e < ends.length) {
    if (s < starts.length && (starts[s] as number) <= (ends[e] as number)) {
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


for (let i = 0; i < 5; i++) idx(busy, from, to, ids, rooms);
T.a = T.b = T.c = 0;
for (let i = 0; i < 40; i++) idx(busy, from, to, ids, rooms);
console.log({ pick: T.a / 40, fill: T.b / 40, timelines: T.c / 40 });
