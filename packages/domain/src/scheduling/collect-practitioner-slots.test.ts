import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { buildWeeklyMinutes } from './build-day-minutes.ts';
import { buildWorkingPieces, PIECE_STRIDE } from './build-working-pieces.ts';
import { findOpenSlots } from './find-open-slots.ts';
import { epochDayOfPlainDate } from './epoch-days.ts';
import { prepareAvailability } from './prepare-availability.ts';
import type { AvailabilityQuery, BusyInterval } from './scheduling-types.ts';
import { dubaiQuery, EVERY_DAY, ms, practitioner, weekly, WEEKDAYS } from './test-fixtures.ts';

/**
 * The fast scan (pointers, jumps past clashes, merged busy timelines) against the rules
 * written out naively: every grid point of every working piece, checked against every raw
 * busy interval. Seeded random data, dense enough that most candidates clash.
 */
function bruteForce(query: AvailabilityQuery): string[] {
  const from = epochDayOfPlainDate(Temporal.PlainDate.from(query.fromDate));
  const to = epochDayOfPlainDate(Temporal.PlainDate.from(query.toDate));
  const ids = query.practitioners.map((p) => p.id);
  const prepared = prepareAvailability(query, from, to, ids);
  const overlaps = (b: BusyInterval, start: number, end: number) => b.start < end && start < b.end;
  const found: [number, string, string | undefined][] = [];
  for (const p of query.practitioners) {
    const pieces = buildWorkingPieces(p.id, buildWeeklyMinutes(p), prepared.days, prepared.exceptions, query.timeZone);
    for (let i = 0; i < pieces.length; i += PIECE_STRIDE) {
      const [pieceStart, pieceEnd, spanStart, spanEnd] = pieces.slice(i, i + PIECE_STRIDE) as [number, number, number, number];
      for (let s = pieceStart; s < pieceEnd; s += prepared.stepMs) {
        const a = s - prepared.bufferBeforeMs;
        const b = s + prepared.durationMs + prepared.bufferAfterMs;
        if (a < spanStart || b > spanEnd) continue;
        if (s < prepared.earliestStartMs || s > prepared.latestStartMs) continue;
        if (s < prepared.rangeStartMs || s >= prepared.rangeEndMs) continue;
        if (query.busy.some((x) => x.practitionerId === p.id && overlaps(x, a, b))) continue;
        const room = query.service.requiresRoom ? query.rooms.find((r) => !query.busy.some((x) => x.roomId === r.id && overlaps(x, a, b)))?.id : undefined;
        if (query.service.requiresRoom && room === undefined) continue;
        found.push([s, p.id, room]);
      }
    }
  }
  found.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return found.map(([s, id, room]) => `${s} ${id} ${room ?? '-'}`);
}

function randomQuery(seed: number, timeZone: string, requiresRoom: boolean): AvailabilityQuery {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const start = ms('2026-10-30T00:00:00Z');
  const busy: BusyInterval[] = [];
  for (let i = 0; i < 300; i++) {
    const s = start + Math.floor(random() * 5 * 288) * 300_000;
    const owner = random();
    busy.push({
      practitionerId: owner < 0.7 ? `p${Math.floor(random() * 4)}` : undefined,
      roomId: owner > 0.4 ? `r${Math.floor(random() * 3)}` : undefined,
      start: s,
      end: s + (1 + Math.floor(random() * 12)) * 10 * 60_000,
    });
  }
  return dubaiQuery({
    timeZone,
    fromDate: '2026-10-30',
    toDate: '2026-11-02',
    now: '2026-10-30T13:07:00Z',
    minNoticeMinutes: 90,
    horizonDays: 3,
    slotStepMinutes: 15,
    service: { durationMinutes: 45, bufferBeforeMinutes: 5, bufferAfterMinutes: 10, requiresRoom },
    practitioners: [
      practitioner('p0', weekly(EVERY_DAY, '00:00', '24:00')),
      practitioner('p1', weekly(WEEKDAYS, '08:00', '18:00'), weekly(WEEKDAYS, '12:00', '12:45')),
      practitioner('p2', [...weekly(EVERY_DAY, '00:30', '03:10'), ...weekly([6, 7], '10:05', '16:00')]),
      practitioner('p3', weekly(EVERY_DAY, '22:00', '24:00')),
    ],
    rooms: [{ id: 'r0' }, { id: 'r1' }, { id: 'r2' }],
    busy,
  });
}

describe('collectPractitionerSlots matches a brute-force reading of the rules', () => {
  for (const timeZone of ['Asia/Dubai', 'America/New_York', 'Europe/London']) {
    for (const requiresRoom of [false, true]) {
      it(`${timeZone}, ${requiresRoom ? 'with' : 'without'} rooms`, () => {
        for (const seed of [1, 2, 3]) {
          const query = randomQuery(seed, timeZone, requiresRoom);
          const expected = bruteForce(query);
          expect(expected.length).toBeGreaterThan(30);
          // Busy time in random order (sorted by the index) and in start order (merged as is).
          const byStart = { ...query, busy: [...query.busy].sort((a, b) => a.start - b.start) };
          for (const variant of [query, byStart]) {
            const fast = findOpenSlots(variant).map((s) => `${s.startEpochMs} ${s.practitionerId} ${s.roomId ?? '-'}`);
            expect(fast).toEqual(expected);
          }
        }
      });
    }
  }
});
