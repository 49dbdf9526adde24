import { Temporal } from 'temporal-polyfill';
import { findOpenSlots } from '../packages/domain/src/scheduling/find-open-slots.ts';
import type { AvailabilityQuery, BusyInterval, IsoWeekday, PractitionerSchedule, WeeklyInterval } from '../packages/domain/src/scheduling/scheduling-types.ts';
import type { BenchResult } from './bench-types.ts';

/**
 * The availability engine on a busy clinic: one service, 30 practitioners, 10 rooms, and
 * 1,000 / 10,000 / 100,000 existing appointments spread over 90 days. Each measured query
 * asks for all practitioners over 7 days (plus one 31-day row), starting on a different day
 * each time, and passes the whole 90 days of busy intervals, so the engine's own windowing
 * and indexing are part of what is measured. Data are generated from a fixed seed.
 */

const TIME_ZONE = 'Europe/London'; // a DST zone, so the 90 days include a clock change
const FIRST_DAY = Temporal.PlainDate.from('2026-03-02');
const DAYS = 90;
const PRACTITIONERS = 30;
const ROOMS = 10;
const WARMUP_QUERIES = 20;
const MEASURED_QUERIES = 60;

/** mulberry32, a tiny seeded PRNG (Tommy Ettinger), so every run sees the same clinic. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function buildPractitioners(random: () => number): PractitionerSchedule[] {
  const practitioners: PractitionerSchedule[] = [];
  for (let i = 0; i < PRACTITIONERS; i++) {
    const startHour = 8 + Math.floor(random() * 3); // 08:00–10:00
    const workdays: IsoWeekday[] = random() < 0.3 ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
    const day = (weekday: IsoWeekday, start: string, end: string): WeeklyInterval => ({ weekday, start, end });
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    practitioners.push({
      id: `prac-${String(i).padStart(2, '0')}`,
      weeklyHours: workdays.map((w) => day(w, hh(startHour), hh(startHour + 8 + (w === 6 ? -4 : 0)))),
      breaks: workdays.filter((w) => w !== 6).map((w) => day(w, '13:00', '13:45')),
    });
  }
  return practitioners;
}

/** Start-of-day instants of the 90 days (plus one), converted once. */
function dayStarts(): number[] {
  const starts: number[] = [];
  for (let d = 0; d <= DAYS; d++) starts.push(FIRST_DAY.add({ days: d }).toZonedDateTime(TIME_ZONE).epochMilliseconds);
  return starts;
}

function buildBusy(count: number, random: () => number, starts: readonly number[]): BusyInterval[] {
  const busy: BusyInterval[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(random() * DAYS);
    // 08:00–18:45 on a 15-minute grid after the day's first instant (an hour off on the one
    // DST change day, which does not matter for load).
    const start = (starts[day] as number) + (8 * 60 + Math.floor(random() * 44) * 15) * 60_000;
    const minutes = 30 + Math.floor(random() * 5) * 15 + 15; // visit 30–90 min + buffers
    const practitionerId = `prac-${String(Math.floor(random() * PRACTITIONERS)).padStart(2, '0')}`;
    const kind = random();
    // One object shape for every row (absent ids are undefined, not missing keys), as a store
    // should build them: V8 reads fields of same-shaped objects several times faster.
    busy.push({
      // About 1 in 10 is a room block (cleaning, maintenance) with no practitioner.
      practitionerId: kind < 0.9 ? practitionerId : undefined,
      // About 3 in 4 visits use a room.
      roomId: kind < 0.65 || kind >= 0.9 ? `room-${Math.floor(random() * ROOMS)}` : undefined,
      start,
      end: start + minutes * 60_000,
    });
  }
  return busy;
}

function percentile(sortedMs: readonly number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] as number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

type BaseQuery = Omit<AvailabilityQuery, 'fromDate' | 'toDate'>;

/** The clinic with `appointments` busy intervals over the 90 days, in random order. */
export function buildClinic(appointments: number): BaseQuery {
  const random = mulberry32(20_261_201);
  const practitioners = buildPractitioners(random);
  const starts = dayStarts();
  return {
    timeZone: TIME_ZONE,
    now: starts[0] as number,
    minNoticeMinutes: 120,
    horizonDays: 120,
    slotStepMinutes: 15,
    service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, requiresRoom: true },
    practitioners,
    exceptions: [
      { practitionerId: null, kind: 'closed', dateFrom: '2026-04-03', dateTo: '2026-04-06' }, // Easter
      { practitionerId: 'prac-03', kind: 'closed', dateFrom: '2026-03-16', dateTo: '2026-03-27' },
      { practitionerId: 'prac-07', kind: 'extra_hours', dateFrom: '2026-03-07', dateTo: '2026-05-30', start: '17:00', end: '19:00' },
    ],
    rooms: Array.from({ length: ROOMS }, (_, i) => ({ id: `room-${i}` })),
    busy: buildBusy(appointments, random, starts),
  };
}

function measure(base: BaseQuery, appointments: number, rangeDays: number, busyOrder: string): BenchResult {
  const latestFirstDay = DAYS - rangeDays;
  const queryFor = (i: number): AvailabilityQuery => {
    const from = FIRST_DAY.add({ days: (i * 7) % (latestFirstDay + 1) });
    return { ...base, fromDate: from.toString(), toDate: from.add({ days: rangeDays - 1 }).toString() };
  };
  for (let i = 0; i < WARMUP_QUERIES; i++) findOpenSlots(queryFor(i));
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let slots = 0;
  for (let i = 0; i < MEASURED_QUERIES; i++) {
    const query = queryFor(i);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = findOpenSlots(query);
    timings.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
    slots += result.length;
  }
  timings.sort((a, b) => a - b);
  cpuTimings.sort((a, b) => a - b);
  return {
    bench: 'availability-engine',
    appointments,
    range_days: rangeDays,
    busy_order: busyOrder,
    p50_ms: round(percentile(timings, 50)),
    p95_ms: round(percentile(timings, 95)),
    max_ms: round(timings[timings.length - 1] as number),
    // Process CPU time (GC threads included): steadier than wall time on a shared machine.
    cpu_p50_ms: round(percentile(cpuTimings, 50)),
    // Mean open slots per query. At 100,000 the clinic is booked solid (about 33 visits per
    // practitioner-day), so that row measures the indexing of busy time more than the scan.
    slots: Math.round(slots / MEASURED_QUERIES),
  };
}

/**
 * Rows: 7-day queries at each size, a 31-day query at 10,000, and the 100,000 case again with
 * the busy intervals in start order (what a store gets from `order by lower(occupied)`),
 * which lets the engine merge them without sorting.
 */
export async function runAvailabilityEngineBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const appointments of [1_000, 10_000, 100_000]) {
    const clinic = buildClinic(appointments);
    results.push(measure(clinic, appointments, 7, 'random'));
    if (appointments === 10_000) results.push(measure(clinic, appointments, 31, 'random'));
    if (appointments === 100_000) {
      const byStart = { ...clinic, busy: [...clinic.busy].sort((a, b) => a.start - b.start) };
      results.push(measure(byStart, appointments, 7, 'by_start'));
    }
  }
  return results;
}
