import { describe, expect, it } from 'vitest';
import { checkBlock, checkScheduleException, decideMovedEnd, findBackwardInterval, isCalendarSpanAllowed, visitEnd } from './check-staff-schedule-changes.ts';

const at = (iso: string) => new Date(iso);

describe('checkBlock', () => {
  const start = at('2026-12-01T09:00:00+04:00');
  it('accepts a practitioner or a room block that ends after it starts', () => {
    expect(checkBlock({ practitionerId: 'p1', start, end: at('2026-12-01T12:00:00+04:00') })).toBeUndefined();
    expect(checkBlock({ roomId: 'r1', start, end: at('2026-12-01T12:00:00+04:00') })).toBeUndefined();
  });
  it('refuses a block of nothing, a backward block and one over 31 days', () => {
    expect(checkBlock({ start, end: at('2026-12-01T12:00:00+04:00') })).toBe('nothing_blocked');
    expect(checkBlock({ practitionerId: 'p1', start, end: start })).toBe('end_not_after_start');
    expect(checkBlock({ practitionerId: 'p1', start, end: at('2027-01-01T09:00:00+04:00') })).toBeUndefined();
    expect(checkBlock({ practitionerId: 'p1', start, end: at('2027-01-01T09:01:00+04:00') })).toBe('too_long');
  });
});

describe('decideMovedEnd', () => {
  const current = { start: at('2026-12-01T09:00:00Z'), end: at('2026-12-01T12:00:00Z') };
  const start = at('2026-12-02T13:00:00Z');
  it('keeps a visit at its service length, whatever end is asked', () => {
    expect(decideMovedEnd({ start, serviceMinutes: 60, requestedEnd: at('2026-12-02T18:00:00Z'), current })).toEqual(at('2026-12-02T14:00:00Z'));
  });
  it('resizes a block to the asked end, else keeps its length', () => {
    expect(decideMovedEnd({ start, requestedEnd: at('2026-12-02T14:30:00Z'), current })).toEqual(at('2026-12-02T14:30:00Z'));
    expect(decideMovedEnd({ start, current })).toEqual(at('2026-12-02T16:00:00Z'));
  });
  it('visitEnd adds the service length', () => {
    expect(visitEnd(start, 45)).toEqual(at('2026-12-02T13:45:00Z'));
  });
});

describe('isCalendarSpanAllowed', () => {
  it('admits 1 to 93 days', () => {
    expect(isCalendarSpanAllowed(0)).toBe(true);
    expect(isCalendarSpanAllowed(92)).toBe(true);
    expect(isCalendarSpanAllowed(93)).toBe(false);
    expect(isCalendarSpanAllowed(-1)).toBe(false);
  });
});

describe('findBackwardInterval', () => {
  it('finds the first interval that does not end after it starts', () => {
    const ok = { weekday: 1, start: '09:00', end: '17:00' };
    const empty = { weekday: 2, start: '10:00', end: '10:00' };
    expect(findBackwardInterval([ok])).toBeUndefined();
    expect(findBackwardInterval([ok, empty, { weekday: 3, start: '12:00', end: '11:00' }])).toBe(empty);
  });
});

describe('checkScheduleException', () => {
  const closed = { kind: 'closed' as const, dateFrom: '2026-12-01', dateTo: '2026-12-02', datesReal: true };
  it('accepts a whole-day closure and extra hours with times', () => {
    expect(checkScheduleException(closed)).toBeUndefined();
    expect(checkScheduleException({ ...closed, kind: 'extra_hours', start: '18:00', end: '20:00' })).toBeUndefined();
  });
  it('refuses unreal or backward dates', () => {
    expect(checkScheduleException({ ...closed, datesReal: false })).toBe('invalid_dates');
    expect(checkScheduleException({ ...closed, dateFrom: '2026-12-03' })).toBe('invalid_dates');
  });
  it('refuses half-given or backward times, and extra hours without times', () => {
    expect(checkScheduleException({ ...closed, start: '09:00' })).toBe('times_incomplete');
    expect(checkScheduleException({ ...closed, start: '12:00', end: '09:00' })).toBe('times_incomplete');
    expect(checkScheduleException({ ...closed, kind: 'extra_hours' })).toBe('extra_hours_need_times');
  });
});
