import type { AvailabilityQuery, IsoWeekday, PractitionerSchedule, Slot, WeeklyInterval } from './scheduling-types.ts';

/** Shared by the scheduling tests only. */

export function weekly(weekdays: readonly IsoWeekday[], start: string, end: string): WeeklyInterval[] {
  return weekdays.map((weekday) => ({ weekday, start, end }));
}

export const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];
export const EVERY_DAY: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export function practitioner(id: string, weeklyHours: WeeklyInterval[], breaks: WeeklyInterval[] = []): PractitionerSchedule {
  return { id, weeklyHours, breaks };
}

/**
 * A query in Asia/Dubai (UTC+4, no DST) for Tuesday 2026-12-01, one practitioner working
 * 09:00–11:00 on weekdays, 30-minute visits on a 30-minute grid, no buffers, no notice.
 */
export function dubaiQuery(overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    timeZone: 'Asia/Dubai',
    fromDate: '2026-12-01',
    toDate: '2026-12-01',
    now: '2026-11-01T00:00:00Z',
    minNoticeMinutes: 0,
    horizonDays: 90,
    slotStepMinutes: 30,
    service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, requiresRoom: false },
    practitioners: [practitioner('p1', weekly(WEEKDAYS, '09:00', '11:00'))],
    exceptions: [],
    rooms: [],
    busy: [],
    ...overrides,
  };
}

/** Epoch ms of an ISO string with an offset. */
export function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad ISO string ${iso}`);
  return value;
}

/** 'HH:MM' local start times, from the slot strings. */
export function startTimes(slots: readonly Slot[]): string[] {
  return slots.map((slot) => slot.start.slice(11, 16));
}

/** 'YYYY-MM-DDTHH:MM±HH:MM practitioner [room]' per slot, for compact expectations. */
export function describeSlots(slots: readonly Slot[]): string[] {
  return slots.map((slot) => [slot.start.slice(0, 16) + slot.start.slice(19), slot.practitionerId, slot.roomId].filter((part) => part !== undefined).join(' '));
}
