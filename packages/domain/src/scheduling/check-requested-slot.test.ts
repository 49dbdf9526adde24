import { describe, expect, it } from 'vitest';
import { checkRequestedSlot } from './check-requested-slot.ts';
import { findOpenSlots } from './find-open-slots.ts';
import type { AvailabilityQuery } from './scheduling-types.ts';
import { dubaiQuery, EVERY_DAY, ms, practitioner, weekly, WEEKDAYS } from './test-fixtures.ts';

const base = dubaiQuery({
  now: '2026-12-01T08:00:00+04:00',
  minNoticeMinutes: 60,
  horizonDays: 2,
  slotStepMinutes: 15,
  service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: true },
  practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '11:00'))],
  rooms: [{ id: 'r1' }, { id: 'r2' }],
  busy: [
    { practitionerId: 'p1', start: ms('2026-12-01T10:00:00+04:00'), end: ms('2026-12-01T10:30:00+04:00') },
    { roomId: 'r1', start: ms('2026-12-01T09:00:00+04:00'), end: ms('2026-12-01T11:00:00+04:00') },
    { roomId: 'r2', start: ms('2026-12-01T10:30:00+04:00'), end: ms('2026-12-01T11:00:00+04:00') },
  ],
});

const check = (localTime: string, practitionerId = 'p1', date = '2026-12-01') => checkRequestedSlot(base, practitionerId, ms(`${date}T${localTime}:00+04:00`));

describe('checkRequestedSlot', () => {
  it('accepts an open start and returns the slot with its room', () => {
    expect(check('09:15')).toEqual({
      ok: true,
      slot: {
        start: '2026-12-01T09:15:00+04:00',
        end: '2026-12-01T09:45:00+04:00',
        practitionerId: 'p1',
        roomId: 'r2',
        startEpochMs: ms('2026-12-01T05:15:00Z'),
        endEpochMs: ms('2026-12-01T05:45:00Z'),
      },
    });
  });

  it('names the rule a start breaks', () => {
    expect(check('09:15', 'p-unknown')).toEqual({ ok: false, reason: 'unknown_practitioner' });
    expect(check('08:45')).toEqual({ ok: false, reason: 'too_soon' });
    expect(check('09:00', 'p1', '2026-12-04')).toEqual({ ok: false, reason: 'beyond_horizon' });
    expect(check('11:00')).toEqual({ ok: false, reason: 'outside_working_hours' });
    expect(check('10:45')).toEqual({ ok: false, reason: 'outside_working_hours' });
    expect(check('09:20')).toEqual({ ok: false, reason: 'off_grid' });
    expect(check('09:45')).toEqual({ ok: false, reason: 'practitioner_busy' });
    expect(check('10:30')).toEqual({ ok: false, reason: 'no_room_free' });
  });

  it('agrees with findOpenSlots on every minute of three days, DST change included', () => {
    const query: AvailabilityQuery = {
      ...base,
      timeZone: 'America/New_York',
      fromDate: '2026-10-31',
      toDate: '2026-11-02',
      now: '2026-10-30T12:00:00Z',
      minNoticeMinutes: 0,
      horizonDays: 10,
      service: { durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 5, requiresRoom: true },
      practitioners: [
        practitioner('p1', [...weekly(EVERY_DAY, '00:00', '03:00'), ...weekly(EVERY_DAY, '09:00', '12:00')], weekly(WEEKDAYS, '10:00', '10:20')),
        practitioner('p2', weekly(EVERY_DAY, '01:10', '02:50')),
      ],
      exceptions: [{ practitionerId: 'p2', kind: 'extra_hours', dateFrom: '2026-11-02', dateTo: '2026-11-02', start: '11:00', end: '13:00' }],
      busy: [
        { practitionerId: 'p1', start: ms('2026-11-01T05:20:00Z'), end: ms('2026-11-01T06:10:00Z') },
        { roomId: 'r1', start: ms('2026-11-01T06:00:00Z'), end: ms('2026-11-01T08:00:00Z') },
        { roomId: 'r2', start: ms('2026-11-01T06:30:00Z'), end: ms('2026-11-01T07:00:00Z') },
        { practitionerId: 'p2', roomId: 'r2', start: ms('2026-11-02T16:00:00Z'), end: ms('2026-11-02T17:00:00Z') },
      ],
    };
    const open = new Map(findOpenSlots(query).map((s) => [`${s.practitionerId} ${s.startEpochMs}`, s]));
    expect(open.size).toBeGreaterThan(40);
    const from = ms('2026-10-31T04:00:00Z');
    const to = ms('2026-11-03T05:00:00Z');
    let agreed = 0;
    for (let t = from; t < to; t += 5 * 60_000) {
      for (const id of ['p1', 'p2']) {
        const result = checkRequestedSlot(query, id, t);
        const expected = open.get(`${id} ${t}`);
        expect(result.ok ? result.slot : undefined, `${id} at ${new Date(t).toISOString()}`).toEqual(expected);
        agreed++;
      }
    }
    expect(agreed).toBe(((to - from) / 300_000) * 2);
  }, 30_000);
});
