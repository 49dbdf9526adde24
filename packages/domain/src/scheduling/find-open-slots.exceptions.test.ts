import { describe, expect, it } from 'vitest';
import { findOpenSlots } from './find-open-slots.ts';
import type { ScheduleException } from './scheduling-types.ts';
import { describeSlots, dubaiQuery, practitioner, startTimes, weekly, WEEKDAYS } from './test-fixtures.ts';

// Monday 2026-11-30 to Wednesday 2026-12-02, 09:00–10:00, 30-minute visits.
const threeDays = {
  fromDate: '2026-11-30',
  toDate: '2026-12-02',
  practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '10:00'))],
};

function closed(practitionerId: string | null, dateFrom: string, dateTo: string, times?: [string, string]): ScheduleException {
  return { practitionerId, kind: 'closed', dateFrom, dateTo, start: times?.[0], end: times?.[1] };
}

function extra(practitionerId: string | null, date: string, start: string, end: string): ScheduleException {
  return { practitionerId, kind: 'extra_hours', dateFrom: date, dateTo: date, start, end };
}

describe('findOpenSlots: exceptions', () => {
  it('closes whole days for a practitioner on leave', () => {
    const slots = findOpenSlots(dubaiQuery({ ...threeDays, exceptions: [closed('p1', '2026-12-01', '2026-12-01')] }));
    expect(describeSlots(slots)).toEqual(['2026-11-30T09:00+04:00 p1', '2026-11-30T09:30+04:00 p1', '2026-12-02T09:00+04:00 p1', '2026-12-02T09:30+04:00 p1']);
  });

  it('closes part of each day in the range when times are given', () => {
    const slots = findOpenSlots(dubaiQuery({ ...threeDays, exceptions: [closed('p1', '2026-11-30', '2026-12-01', ['09:30', '10:00'])] }));
    expect(describeSlots(slots)).toEqual(['2026-11-30T09:00+04:00 p1', '2026-12-01T09:00+04:00 p1', '2026-12-02T09:00+04:00 p1', '2026-12-02T09:30+04:00 p1']);
  });

  it('closes the whole clinic on a public holiday, for every practitioner', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        ...threeDays,
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '10:00')), practitioner('p2', weekly(WEEKDAYS, '09:00', '09:30'))],
        exceptions: [closed(null, '2026-11-30', '2026-12-01')],
      }),
    );
    expect(describeSlots(slots)).toEqual(['2026-12-02T09:00+04:00 p1', '2026-12-02T09:00+04:00 p2', '2026-12-02T09:30+04:00 p1']);
  });

  it('ignores another practitioner’s exceptions', () => {
    const slots = findOpenSlots(dubaiQuery({ exceptions: [closed('p2', '2026-12-01', '2026-12-01')] }));
    expect(startTimes(slots)).toEqual(['09:00', '09:30', '10:00', '10:30']);
  });

  it('adds extra hours on a day without weekly hours', () => {
    // Saturday 2026-12-05.
    const slots = findOpenSlots(dubaiQuery({ fromDate: '2026-12-05', toDate: '2026-12-05', exceptions: [extra('p1', '2026-12-05', '10:00', '11:00')] }));
    expect(describeSlots(slots)).toEqual(['2026-12-05T10:00+04:00 p1', '2026-12-05T10:30+04:00 p1']);
  });

  it('joins extra hours that touch the weekly hours into one interval', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        service: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
        exceptions: [extra('p1', '2026-12-01', '11:00', '12:00')],
      }),
    );
    // 10:30–11:30 spans the join, which a separate 11:00–12:00 interval would not allow.
    expect(startTimes(slots)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('lets a practitioner’s leave win over a clinic-wide extra opening', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '10:00')), practitioner('p2', [])],
        exceptions: [extra(null, '2026-12-01', '16:00', '17:00'), closed('p2', '2026-12-01', '2026-12-01')],
      }),
    );
    expect(describeSlots(slots)).toEqual(['2026-12-01T09:00+04:00 p1', '2026-12-01T09:30+04:00 p1', '2026-12-01T16:00+04:00 p1', '2026-12-01T16:30+04:00 p1']);
  });

  it('lets a practitioner open on a clinic holiday with their own extra hours', () => {
    const slots = findOpenSlots(
      dubaiQuery({
        practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '10:00')), practitioner('p2', weekly(WEEKDAYS, '09:00', '10:00'))],
        exceptions: [closed(null, '2026-12-01', '2026-12-01'), extra('p2', '2026-12-01', '12:00', '13:00')],
      }),
    );
    expect(describeSlots(slots)).toEqual(['2026-12-01T12:00+04:00 p2', '2026-12-01T12:30+04:00 p2']);
  });
});
