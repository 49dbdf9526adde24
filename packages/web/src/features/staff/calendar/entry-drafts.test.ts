import { describe, expect, it } from 'vitest';
import type { Practitioner, ScheduleException } from '../api/staff-api.ts';
import { draftForButton, nextQuarter } from './entry-drafts.ts';
import { openIntervals } from './working-hours.ts';

// 2026-12-04 is a Friday, 2026-12-05 a Saturday, 2026-12-06 a Sunday, 2026-12-07 a Monday.
function practitioner(id: string, days: number[], extra: Partial<Practitioner> = {}): Practitioner {
  return {
    id,
    name: { en: id, ar: id },
    title: { en: '', ar: '' },
    kind: 'therapist',
    color: 'x',
    bookableOnline: true,
    active: true,
    serviceIds: [],
    weeklyHours: days.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    breaks: days.map((weekday) => ({ weekday, start: '13:00', end: '14:00' })),
    ...extra,
  };
}

function closed(id: string, practitionerId: string | null, dateFrom: string, dateTo: string, times?: [string, string]): ScheduleException {
  return { id, practitionerId, kind: 'closed', dateFrom, dateTo, start: times?.[0] ?? null, end: times?.[1] ?? null, note: '' };
}

const WEEKDAYS = [1, 2, 3, 4, 6, 7]; // a clinic closed on Fridays

describe('the new-appointment button never opens on a closed day or time', () => {
  it('rounds to the next quarter hour', () => {
    expect(nextQuarter('10:07')).toBe('10:15');
    expect(nextQuarter('10:15')).toBe('10:15');
  });

  it('skips a Friday-closed clinic to Saturday morning', () => {
    const amira = practitioner('amira', WEEKDAYS);
    const draft = draftForButton(
      'visit',
      { firstDay: '2026-12-04', lastDay: '2026-12-10', nowWall: '2026-12-04T08:10:00', practitioners: [amira], exceptions: [] },
      {},
    );
    expect(draft).toMatchObject({ mode: 'visit', date: '2026-12-05', start: '09:00', end: '10:00', practitionerId: 'amira' });
  });

  it('starts today at the next quarter hour inside working hours, and after the lunch break when now is lunch', () => {
    const amira = practitioner('amira', WEEKDAYS);
    const context = { firstDay: '2026-12-07', lastDay: '2026-12-13', practitioners: [amira], exceptions: [] };
    expect(draftForButton('visit', { ...context, nowWall: '2026-12-07T10:07:00' }, {})).toMatchObject({ date: '2026-12-07', start: '10:15', end: '11:15' });
    expect(draftForButton('visit', { ...context, nowWall: '2026-12-07T13:20:00' }, {})).toMatchObject({ date: '2026-12-07', start: '14:00' });
    // Fifteen minutes before closing: a shorter slot rather than one running past closing time.
    expect(draftForButton('block', { ...context, nowWall: '2026-12-07T16:40:00' }, {})).toMatchObject({ date: '2026-12-07', start: '16:45', end: '17:00' });
    expect(draftForButton('visit', { ...context, nowWall: '2026-12-07T17:00:00' }, {})).toMatchObject({ date: '2026-12-08', start: '09:00' });
  });

  it('skips the shown practitioner on leave, and a clinic-wide closure, for the first open day', () => {
    const amira = practitioner('amira', WEEKDAYS);
    const omar = practitioner('omar', WEEKDAYS);
    const exceptions = [closed('holiday', null, '2026-12-07', '2026-12-07'), closed('leave', 'amira', '2026-12-08', '2026-12-09')];
    const context = { firstDay: '2026-12-07', lastDay: '2026-12-13', nowWall: '2026-12-06T20:00:00', practitioners: [amira, omar], exceptions };
    expect(draftForButton('visit', context, { practitionerId: 'amira' })).toMatchObject({ date: '2026-12-10', start: '09:00', practitionerId: 'amira' });
    // Anyone: Omar works on the 8th, so the 8th it is, with him.
    expect(draftForButton('visit', context, {})).toMatchObject({ date: '2026-12-08', practitionerId: 'omar' });
  });

  it('a part-day closure moves the start past it; a room shown is kept', () => {
    const amira = practitioner('amira', WEEKDAYS);
    const exceptions = [closed('meeting', 'amira', '2026-12-07', '2026-12-07', ['09:00', '11:30'])];
    expect(openIntervals(amira, '2026-12-07', exceptions)).toEqual([
      { start: '11:30', end: '13:00' },
      { start: '14:00', end: '17:00' },
    ]);
    const draft = draftForButton(
      'visit',
      { firstDay: '2026-12-07', lastDay: '2026-12-07', nowWall: '2026-12-07T07:00:00', practitioners: [amira], exceptions },
      { roomId: 'room-1' },
    );
    expect(draft).toMatchObject({ date: '2026-12-07', start: '11:30', end: '12:30', practitionerId: 'amira', roomId: 'room-1' });
  });

  it('looks past the days on screen when they are all closed, and never proposes a day before today', () => {
    const amira = practitioner('amira', WEEKDAYS);
    const exceptions = [closed('leave', 'amira', '2026-12-01', '2026-12-20')];
    const draft = draftForButton(
      'visit',
      { firstDay: '2026-11-30', lastDay: '2026-12-06', nowWall: '2026-12-02T09:00:00', practitioners: [amira], exceptions },
      {},
    );
    expect(draft).toMatchObject({ date: '2026-12-21', start: '09:00' });
  });

  it('falls back to 09:00 on the first day shown when nobody works at all', () => {
    const draft = draftForButton(
      'visit',
      { firstDay: '2026-12-07', lastDay: '2026-12-07', nowWall: '2026-12-07T07:00:00', practitioners: [practitioner('x', [])], exceptions: [] },
      {},
    );
    expect(draft).toMatchObject({ date: '2026-12-07', start: '09:00', end: '10:00' });
  });
});
