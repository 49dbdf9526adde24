import { describe, expect, it } from 'vitest';
import { findOpenSlots } from './find-open-slots.ts';
import { dubaiQuery, ms, practitioner, startTimes, weekly, WEEKDAYS } from './test-fixtures.ts';

describe('findOpenSlots: hours, grid, buffers, notice and horizon (Asia/Dubai, UTC+4)', () => {
  it('returns full slot objects with the +04:00 offset and matching epoch ms', () => {
    expect(findOpenSlots(dubaiQuery())).toEqual([
      {
        start: '2026-12-01T09:00:00+04:00',
        end: '2026-12-01T09:30:00+04:00',
        practitionerId: 'p1',
        startEpochMs: ms('2026-12-01T05:00:00Z'),
        endEpochMs: ms('2026-12-01T05:30:00Z'),
      },
      {
        start: '2026-12-01T09:30:00+04:00',
        end: '2026-12-01T10:00:00+04:00',
        practitionerId: 'p1',
        startEpochMs: ms('2026-12-01T05:30:00Z'),
        endEpochMs: ms('2026-12-01T06:00:00Z'),
      },
      {
        start: '2026-12-01T10:00:00+04:00',
        end: '2026-12-01T10:30:00+04:00',
        practitionerId: 'p1',
        startEpochMs: ms('2026-12-01T06:00:00Z'),
        endEpochMs: ms('2026-12-01T06:30:00Z'),
      },
      {
        start: '2026-12-01T10:30:00+04:00',
        end: '2026-12-01T11:00:00+04:00',
        practitionerId: 'p1',
        startEpochMs: ms('2026-12-01T06:30:00Z'),
        endEpochMs: ms('2026-12-01T07:00:00Z'),
      },
    ]);
  });

  it('keeps visits inside the hours and out of breaks', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '13:00'), weekly(WEEKDAYS, '11:00', '11:30'))],
      }),
    );
    // 10:30 would run into the break; 12:30 would run past 13:00.
    expect(startTimes(slots)).toEqual(['09:00', '09:30', '10:00', '11:30', '12:00']);
  });

  it('has no slots on days without weekly hours (the clinic weekend)', () => {
    // 2026-12-05 and 2026-12-06 are Saturday and Sunday.
    expect(findOpenSlots(dubaiQuery({ fromDate: '2026-12-05', toDate: '2026-12-06' }))).toEqual([]);
  });

  it('fits the buffers inside the working interval', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        slotStepMinutes: 15,
        service: { durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, requiresRoom: false },
      }),
    );
    // Occupied [S - 15, S + 45) within [09:00, 11:00): 09:15 ≤ S ≤ 10:15.
    expect(startTimes(slots)).toEqual(['09:15', '09:30', '09:45', '10:00', '10:15']);
    expect(slots[0]?.end).toBe('2026-12-01T09:45:00+04:00');
  });

  it('keeps the buffers clear of existing appointments', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        slotStepMinutes: 15,
        service: { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, requiresRoom: false },
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '12:00'))],
        busy: [{ practitionerId: 'p1', start: ms('2026-12-01T10:30:00+04:00'), end: ms('2026-12-01T11:00:00+04:00') }],
      }),
    );
    // Occupied [S - 10, S + 40): before the visit needs S ≤ 09:50, after it S ≥ 11:10;
    // the grid runs from 09:00, and S + 40 ≤ 12:00.
    expect(startTimes(slots)).toEqual(['09:15', '09:30', '09:45', '11:15']);
  });

  it('steps from the start of each working interval', () => {
    const offHour = findOpenSlots(dubaiQuery({ slotStepMinutes: 20, practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:10', '10:30'))] }));
    expect(startTimes(offHour)).toEqual(['09:10', '09:30', '09:50']);

    const afterBreak = findOpenSlots(
      dubaiQuery({
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '12:00'), weekly(WEEKDAYS, '10:00', '10:05'))],
      }),
    );
    expect(startTimes(afterBreak)).toEqual(['09:00', '09:30', '10:05', '10:35', '11:05']);
  });

  it('respects the minimum notice, inclusive at the boundary', () => {
    const at0850 = findOpenSlots(dubaiQuery({ now: '2026-12-01T08:50:00+04:00', minNoticeMinutes: 30 }));
    expect(startTimes(at0850)).toEqual(['09:30', '10:00', '10:30']);
    const at0830 = findOpenSlots(dubaiQuery({ now: '2026-12-01T08:30:00+04:00', minNoticeMinutes: 60 }));
    expect(startTimes(at0830)).toEqual(['09:30', '10:00', '10:30']);
    const asEpoch = findOpenSlots(dubaiQuery({ now: ms('2026-12-01T08:30:00+04:00'), minNoticeMinutes: 60 }));
    expect(asEpoch).toEqual(at0830);
  });

  it('stops at the horizon, inclusive at the boundary', () => {
    const slots = findOpenSlots(dubaiQuery({ fromDate: '2026-11-30', toDate: '2026-12-02', now: '2026-11-30T09:30:00+04:00', horizonDays: 1 }));
    expect(slots.map((s) => s.start)).toEqual([
      '2026-11-30T09:30:00+04:00',
      '2026-11-30T10:00:00+04:00',
      '2026-11-30T10:30:00+04:00',
      '2026-12-01T09:00:00+04:00',
      '2026-12-01T09:30:00+04:00',
    ]);
  });

  it('lists the asked-for dates only, even when a visit runs past midnight into the next day', () => {
    // Tuesday 22:00–24:00 and Wednesday 00:00–02:00 form one stretch of work.
    const slots = findOpenSlots(
      dubaiQuery({
        service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
        practitioners: [
          practitioner('p1', [
            { weekday: 2, start: '22:00', end: '24:00' },
            { weekday: 3, start: '00:00', end: '02:00' },
          ]),
        ],
      }),
    );
    expect(slots.map((s) => `${s.start} → ${s.end}`)).toEqual([
      '2026-12-01T22:00:00+04:00 → 2026-12-01T23:00:00+04:00',
      '2026-12-01T22:30:00+04:00 → 2026-12-01T23:30:00+04:00',
      '2026-12-01T23:00:00+04:00 → 2026-12-02T00:00:00+04:00',
      '2026-12-01T23:30:00+04:00 → 2026-12-02T00:30:00+04:00',
    ]);
  });

  it('returns nothing for an empty or reversed range', () => {
    expect(findOpenSlots(dubaiQuery({ fromDate: '2026-12-02', toDate: '2026-12-01' }))).toEqual([]);
  });

  it('sorts by start, then by practitioner id', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        practitioners: [practitioner('p-b', weekly(WEEKDAYS, '09:00', '10:00')), practitioner('p-a', weekly(WEEKDAYS, '09:30', '10:30'))],
      }),
    );
    expect(slots.map((s) => `${s.start.slice(11, 16)} ${s.practitionerId}`)).toEqual(['09:00 p-b', '09:30 p-a', '09:30 p-b', '10:00 p-a']);
  });

  it('rejects settings that would never terminate or make no sense', () => {
    expect(() => findOpenSlots(dubaiQuery({ slotStepMinutes: 0 }))).toThrow(RangeError);
    expect(() => findOpenSlots(dubaiQuery({ practitioners: [practitioner('p1', weekly(WEEKDAYS, '9:00', '11:00'))] }))).toThrow(RangeError);
  });
});
