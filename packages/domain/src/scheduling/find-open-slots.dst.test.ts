import { describe, expect, it } from 'vitest';
import { findOpenSlots } from './find-open-slots.ts';
import type { AvailabilityQuery, WeeklyInterval } from './scheduling-types.ts';
import { dubaiQuery, ms, practitioner, weekly, WEEKDAYS } from './test-fixtures.ts';

/** One practitioner working `hours` on Sundays (all four change days below are Sundays). */
function sundayQuery(timeZone: string, date: string, hours: [string, string], overrides: Partial<AvailabilityQuery> = {}) {
  const sunday: WeeklyInterval[] = [{ weekday: 7, start: hours[0], end: hours[1] }];
  return dubaiQuery({
    timeZone,
    fromDate: date,
    toDate: date,
    now: '2026-01-01T00:00:00Z',
    horizonDays: 365,
    service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
    practitioners: [practitioner('p1', sunday)],
    ...overrides,
  });
}

const starts = (query: AvailabilityQuery) => findOpenSlots(query).map((s) => s.start);

describe('findOpenSlots across daylight-saving changes', () => {
  it('America/New_York spring forward (2026-03-08): no slot in the missing hour, lengths in real time', () => {
    const slots = findOpenSlots(sundayQuery('America/New_York', '2026-03-08', ['00:00', '05:00']));
    // 00:00 EST (05:00Z) to 05:00 EDT (09:00Z) is four real hours; clocks skip 02:00–02:59.
    expect(slots.map((s) => `${s.start} → ${s.end}`)).toEqual([
      '2026-03-08T00:00:00-05:00 → 2026-03-08T01:00:00-05:00',
      '2026-03-08T00:30:00-05:00 → 2026-03-08T01:30:00-05:00',
      '2026-03-08T01:00:00-05:00 → 2026-03-08T03:00:00-04:00',
      '2026-03-08T01:30:00-05:00 → 2026-03-08T03:30:00-04:00',
      '2026-03-08T03:00:00-04:00 → 2026-03-08T04:00:00-04:00',
      '2026-03-08T03:30:00-04:00 → 2026-03-08T04:30:00-04:00',
      '2026-03-08T04:00:00-04:00 → 2026-03-08T05:00:00-04:00',
    ]);
    expect(slots[3]?.startEpochMs).toBe(ms('2026-03-08T06:30:00Z'));
    expect(slots[4]?.startEpochMs).toBe(ms('2026-03-08T07:00:00Z'));
  });

  it('America/New_York spring forward: hours starting inside the gap start when the clock jumps', () => {
    expect(starts(sundayQuery('America/New_York', '2026-03-08', ['02:30', '05:00']))).toEqual([
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T03:30:00-04:00',
      '2026-03-08T04:00:00-04:00',
    ]);
    // Hours wholly inside the gap do not exist.
    expect(starts(sundayQuery('America/New_York', '2026-03-08', ['02:00', '03:00']))).toEqual([]);
  });

  it('America/New_York fall back (2026-11-01): the repeated hour gives each real instant once', () => {
    const slots = findOpenSlots(sundayQuery('America/New_York', '2026-11-01', ['00:00', '03:00']));
    // 00:00 EDT (04:00Z) to 03:00 EST (08:00Z) is four real hours.
    expect(slots.map((s) => s.start)).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T00:30:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
    expect(slots.map((s) => s.startEpochMs)).toEqual([4, 4.5, 5, 5.5, 6, 6.5, 7].map((h) => ms('2026-11-01T04:00:00Z') + (h - 4) * 3_600_000));
    expect(slots[3]?.end).toBe('2026-11-01T01:30:00-05:00');
  });

  it('America/New_York fall back: a booking in the second 01:00 blocks only that one', () => {
    const slots = findOpenSlots(
      sundayQuery('America/New_York', '2026-11-01', ['00:00', '03:00'], {
        busy: [{ practitionerId: 'p1', start: ms('2026-11-01T01:00:00-05:00'), end: ms('2026-11-01T01:30:00-05:00') }],
      }),
    );
    expect(slots.map((s) => s.start)).toEqual([
      '2026-11-01T00:00:00-04:00',
      '2026-11-01T00:30:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
  });

  it('Europe/London spring forward (2026-03-29): 01:00–01:59 does not exist', () => {
    const query = sundayQuery('Europe/London', '2026-03-29', ['00:00', '03:00'], {
      service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
    });
    expect(starts(query)).toEqual(['2026-03-29T00:00:00+00:00', '2026-03-29T00:30:00+00:00', '2026-03-29T02:00:00+01:00', '2026-03-29T02:30:00+01:00']);
  });

  it('Europe/London fall back (2026-10-25): 01:00–01:59 happens twice', () => {
    const query = sundayQuery('Europe/London', '2026-10-25', ['00:30', '02:30'], {
      service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
    });
    // 00:30 BST (23:30Z) to 02:30 GMT (02:30Z): three real hours.
    expect(starts(query)).toEqual([
      '2026-10-25T00:30:00+01:00',
      '2026-10-25T01:00:00+01:00',
      '2026-10-25T01:30:00+01:00',
      '2026-10-25T01:00:00+00:00',
      '2026-10-25T01:30:00+00:00',
      '2026-10-25T02:00:00+00:00',
    ]);
  });

  it('Europe/London: daytime hours keep their wall-clock times and change offset across the week', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        timeZone: 'Europe/London',
        fromDate: '2026-03-27',
        toDate: '2026-03-30',
        now: '2026-03-01T00:00:00Z',
        service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
        practitioners: [practitioner('p1', weekly([...WEEKDAYS, 7], '09:00', '10:00'))],
      }),
    );
    expect(slots.map((s) => [s.start, s.startEpochMs])).toEqual([
      ['2026-03-27T09:00:00+00:00', ms('2026-03-27T09:00:00Z')],
      ['2026-03-29T09:00:00+01:00', ms('2026-03-29T08:00:00Z')],
      ['2026-03-30T09:00:00+01:00', ms('2026-03-30T08:00:00Z')],
    ]);
  });

  it('counts the horizon in calendar days of the clinic’s zone, across the change', () => {
    // 2026-03-07 10:00 EST + 1 day = 2026-03-08 10:00 EDT, only 23 real hours later.
    const query = sundayQuery('America/New_York', '2026-03-08', ['09:00', '11:00'], {
      now: '2026-03-07T10:00:00-05:00',
      horizonDays: 1,
      service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
    });
    expect(starts(query)).toEqual(['2026-03-08T09:00:00-04:00', '2026-03-08T09:30:00-04:00', '2026-03-08T10:00:00-04:00']);
  });
});
