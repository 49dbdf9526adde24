import { describe, expect, it } from 'vitest';
import { decodeCompactAvailability } from './decode-compact-availability.ts';
import { encodeCompactAvailability } from './encode-compact-availability.ts';
import { findOpenSlots } from './find-open-slots.ts';
import type { AvailabilityQuery } from './scheduling-types.ts';
import { dubaiQuery, EVERY_DAY, practitioner, weekly } from './test-fixtures.ts';

/** The documented form, as the availability route sends it. */
function documented(query: AvailabilityQuery) {
  return findOpenSlots(query).map(({ start, end, practitionerId }) => ({ start, end, practitionerId }));
}

function roundTrip(query: AvailabilityQuery) {
  const slots = findOpenSlots(query);
  const compact = encodeCompactAvailability(slots, query.timeZone, query.service.durationMinutes);
  // What goes over the wire is JSON: decode what a client would parse.
  return { compact, decoded: decodeCompactAvailability(JSON.parse(JSON.stringify(compact)) as typeof compact) };
}

/** Three practitioners (ids out of order, shared starts) working every day around the clock change. */
function aroundTheClock(timeZone: string, fromDate: string, toDate: string, hours: [string, string]): AvailabilityQuery {
  return dubaiQuery({
    timeZone,
    fromDate,
    toDate,
    now: '2026-01-01T00:00:00Z',
    horizonDays: 365,
    slotStepMinutes: 15,
    service: { durationMinutes: 50, bufferBeforeMinutes: 0, bufferAfterMinutes: 10, requiresRoom: false },
    practitioners: [
      practitioner('zed', weekly(EVERY_DAY, hours[0], hours[1])),
      practitioner('amy', weekly(EVERY_DAY, '09:00', '17:00')),
      practitioner('kim', weekly(EVERY_DAY, hours[0], '12:00'), weekly(EVERY_DAY, '10:00', '10:30')),
    ],
  });
}

describe('the compact availability form', () => {
  it('decodes to exactly the documented slots in a zone without DST, ties in practitioner order', () => {
    const query = aroundTheClock('Asia/Dubai', '2026-12-01', '2026-12-30', ['08:00', '20:00']);
    const { compact, decoded } = roundTrip(query);
    expect(decoded.slots).toEqual(documented(query));
    expect(decoded.slots.length).toBeGreaterThan(1000);
    expect(compact.practitioners).toEqual(['amy', 'kim', 'zed']);
    expect(compact.days).toHaveLength(30);
    expect(compact.days[0]).toMatchObject({ date: '2026-12-01', offset: 240 });
    // 09:00 is minute 540 on the day's clock.
    expect(compact.days[0]?.starts[0]?.[0]).toBe(540);
    expect(compact.days.some((d) => d.shifts)).toBe(false);
  });

  it('decodes exactly across spring-forward and fall-back with slots spanning the change (New York, London)', () => {
    for (const [zone, from, to] of [
      ['America/New_York', '2026-03-07', '2026-03-09'],
      ['America/New_York', '2026-10-31', '2026-11-02'],
      ['Europe/London', '2026-03-28', '2026-03-30'],
      ['Europe/London', '2026-10-24', '2026-10-26'],
    ] as const) {
      const query = aroundTheClock(zone, from, to, ['00:00', '24:00']);
      const { compact, decoded } = roundTrip(query);
      expect(decoded.slots, `${zone} ${from}`).toEqual(documented(query));
      expect(
        compact.days.filter((d) => d.shifts).map((d) => d.date),
        `${zone} ${from}`,
      ).toEqual([compact.days[1]?.date]);
    }
  });

  it('names the London fall-back change on the day clock: 01:00Z is minute 120 after a 00:00 BST start', () => {
    const query = aroundTheClock('Europe/London', '2026-10-25', '2026-10-25', ['00:00', '06:00']);
    const { compact } = roundTrip(query);
    expect(compact.days[0]).toMatchObject({ date: '2026-10-25', offset: 60, shifts: [[120, 0]] });
  });

  it('sends no days for no slots and keeps the visit length', () => {
    const query = dubaiQuery({ practitioners: [] });
    const { compact, decoded } = roundTrip(query);
    expect(compact).toMatchObject({ days: [], practitioners: [], durationMinutes: 30 });
    expect(decoded.slots).toEqual([]);
  });
});
