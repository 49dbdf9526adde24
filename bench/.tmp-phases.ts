import { Temporal } from 'temporal-polyfill';
import { prepareAvailability } from '../packages/domain/src/scheduling/prepare-availability.ts';
import { indexBusyIntervals } from '../packages/domain/src/scheduling/index-busy-intervals.ts';
import { findOpenSlots } from '../packages/domain/src/scheduling/find-open-slots.ts';
import { buildWeeklyMinutes } from '../packages/domain/src/scheduling/build-day-minutes.ts';
import { buildWorkingPieces } from '../packages/domain/src/scheduling/build-working-pieces.ts';
import { collectPractitionerSlots } from '../packages/domain/src/scheduling/collect-practitioner-slots.ts';
import * as b from './availability-engine.bench.ts';
const makeBase = (b as any).buildClinic;
const cpu = (f: () => void, n = 50) => { for (let i=0;i<5;i++) f(); const s = process.cpuUsage(); for (let i=0;i<n;i++) f(); const d = process.cpuUsage(s); return ((d.user+d.system)/1000/n).toFixed(3); };
for (const size of [1000, 10000, 100000]) {
  const base = makeBase(size);
  const q = { ...base, fromDate: '2026-04-13', toDate: '2026-04-19' };
  const from = Temporal.PlainDate.from(q.fromDate), to = Temporal.PlainDate.from(q.toDate);
  const ids = q.practitioners.map((p: any) => p.id);
  const prep = prepareAvailability(q, from, to, ids);
  const pieces = q.practitioners.map((p: any) => buildWorkingPieces(p.id, buildWeeklyMinutes(p), prep.days, prep.exceptions, q.timeZone));
  console.log(size, {
    total: cpu(() => findOpenSlots(q)),
    prepare: cpu(() => prepareAvailability(q, from, to, ids)),
    index: cpu(() => indexBusyIntervals(q.busy, prep.days[0]!.startMs, prep.days.at(-1)!.endMs, ids, prep.roomIds)),
    pieces: cpu(() => q.practitioners.map((p: any) => buildWorkingPieces(p.id, buildWeeklyMinutes(p), prep.days, prep.exceptions, q.timeZone))),
    scan: cpu(() => { const out: any[] = []; q.practitioners.forEach((p: any, i: number) => collectPractitionerSlots(prep, p.id, pieces[i], out)); }),
  });
}
