import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutesToTime,
  calendarDateToDay,
  calendarDateToWall,
  clinicToday,
  dateInZone,
  dayPartOf,
  daysBetween,
  formatDay,
  formatInstant,
  hourInZone,
  instantToWall,
  wallToZonedIso,
  zonedIso,
  zoneOffsetMinutes,
} from './clinic-time.ts';

const DUBAI = 'Asia/Dubai';
const LONDON = 'Europe/London';

describe('instants on the clinic clock', () => {
  it('shows an instant as clinic wall-clock, whatever zone it was sent in', () => {
    expect(instantToWall('2026-11-30T09:00:00+04:00', DUBAI)).toBe('2026-11-30T09:00:00');
    expect(instantToWall('2026-11-30T05:00:00Z', DUBAI)).toBe('2026-11-30T09:00:00');
    expect(instantToWall(new Date('2026-11-30T05:00:00Z'), LONDON)).toBe('2026-11-30T05:00:00');
  });

  it('gives the clinic day, which can differ from the UTC day', () => {
    expect(dateInZone('2026-11-30T21:30:00Z', DUBAI)).toBe('2026-12-01');
    expect(clinicToday(DUBAI, Date.parse('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
    expect(clinicToday(LONDON, Date.parse('2026-11-30T20:00:00Z'))).toBe('2026-11-30');
  });

  it('splits the day at noon on the clinic clock', () => {
    expect(hourInZone('2026-11-30T07:59:00Z', DUBAI)).toBe(11);
    expect(dayPartOf('2026-11-30T07:59:00Z', DUBAI)).toBe('morning');
    expect(dayPartOf('2026-11-30T08:00:00Z', DUBAI)).toBe('afternoon');
  });

  it('turns clinic wall-clock into an instant with the offset of that moment', () => {
    expect(wallToZonedIso('2026-11-30T09:00', DUBAI)).toBe('2026-11-30T09:00:00+04:00');
    expect(wallToZonedIso('2026-11-30T09:00:00', DUBAI)).toBe('2026-11-30T09:00:00+04:00');
    expect(zonedIso('2026-12-09', '10:00', DUBAI)).toBe('2026-12-09T10:00:00+04:00');
  });
});

describe('a zone with daylight saving (Europe/London, clocks forward 29 March 2026 and back 25 October 2026)', () => {
  it('uses GMT before the change and BST after it', () => {
    expect(zonedIso('2026-03-28', '09:00', LONDON)).toBe('2026-03-28T09:00:00+00:00');
    expect(zonedIso('2026-03-29', '09:00', LONDON)).toBe('2026-03-29T09:00:00+01:00');
    expect(zoneOffsetMinutes('2026-03-29T00:59:00Z', LONDON)).toBe(0);
    expect(zoneOffsetMinutes('2026-03-29T01:00:00Z', LONDON)).toBe(60);
  });

  it('keeps the wall-clock time across the change, so a weekly 09:00 visit stays at 09:00', () => {
    const before = zonedIso('2026-03-26', '09:00', LONDON);
    const after = zonedIso(addDays('2026-03-26', 7), '09:00', LONDON);
    expect(instantToWall(before, LONDON)).toBe('2026-03-26T09:00:00');
    expect(instantToWall(after, LONDON)).toBe('2026-04-02T09:00:00');
    expect(Date.parse(after) - Date.parse(before)).toBe(7 * 24 * 3_600_000 - 3_600_000);
  });

  it('moves a time the clocks skip forward by the gap', () => {
    expect(wallToZonedIso('2026-03-29T01:30', LONDON)).toBe('2026-03-29T02:30:00+01:00');
  });

  it('takes the earlier of a time that happens twice when the clocks go back', () => {
    expect(wallToZonedIso('2026-10-25T01:30', LONDON)).toBe('2026-10-25T01:30:00+01:00');
    expect(wallToZonedIso('2026-10-25T02:30', LONDON)).toBe('2026-10-25T02:30:00+00:00');
  });

  it('formats an instant on the clock in force at that moment', () => {
    expect(formatInstant('2026-03-28T09:00:00Z', LONDON, 'en', 'time')).toBe('09:00');
    expect(formatInstant('2026-03-30T09:00:00Z', LONDON, 'en', 'time')).toBe('10:00');
  });

  it('counts calendar days, not 24-hour periods, across the change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});

describe('calendar days and times', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-11-30', 0)).toBe('2026-11-30');
  });

  it('counts days between two dates', () => {
    expect(daysBetween('2026-11-30', '2026-12-07')).toBe(7);
    expect(daysBetween('2026-12-07', '2026-11-30')).toBe(-7);
  });

  it('adds minutes to a wall-clock time, within the day', () => {
    expect(addMinutesToTime('09:30', 45)).toBe('10:15');
    expect(addMinutesToTime('23:30', 60)).toBe('23:59');
    expect(addMinutesToTime('00:10', -30)).toBe('00:00');
  });

  it("reads FullCalendar's UTC dates as clinic wall-clock", () => {
    const date = new Date('2026-11-30T11:00:00Z');
    expect(calendarDateToWall(date)).toBe('2026-11-30T11:00:00');
    expect(calendarDateToDay(date)).toBe('2026-11-30');
  });
});

describe('text in English and Arabic', () => {
  const visit = '2026-12-09T10:05:00Z'; // 14:05 in Dubai

  it('formats instants in the clinic zone, in English', () => {
    expect(formatInstant(visit, DUBAI, 'en', 'dateTime')).toBe('Wed, 9 Dec 2026, 14:05');
    expect(formatInstant(visit, DUBAI, 'en', 'dateTimeCompact')).toBe('9 Dec 2026, 14:05');
    expect(formatInstant(visit, DUBAI, 'en', 'time')).toBe('14:05');
    expect(formatInstant(visit, DUBAI, 'en', 'day')).toBe('Wednesday, 9 December 2026');
    expect(formatInstant(visit, DUBAI, 'en', 'time12')).toBe('2:05 pm');
    expect(formatInstant(visit, DUBAI, 'en', 'dayTime12')).toBe('Wednesday, 9 December 2026 at 2:05 pm');
  });

  it('formats instants in Arabic with Arabic month names and the clock each format asks for', () => {
    expect(formatInstant(visit, DUBAI, 'ar', 'time')).toBe('14:05');
    expect(formatInstant(visit, DUBAI, 'ar', 'time12')).toBe('2:05 م');
    expect(formatInstant(visit, DUBAI, 'ar', 'timeLocalClock')).toBe('02:05 م');
    expect(formatInstant(visit, DUBAI, 'ar', 'day')).toBe('الأربعاء، 9 ديسمبر 2026');
    expect(formatInstant(visit, DUBAI, 'ar', 'dateTime')).toContain('ديسمبر');
    expect(formatInstant(visit, DUBAI, 'ar', 'dateTime')).toContain('14:05');
  });

  it('formats calendar days as written, with no zone shift', () => {
    expect(formatDay('2026-12-09', 'en')).toBe('Wednesday 9 December');
    expect(formatDay('2026-12-09', 'en', 'long')).toBe('Wednesday, 9 December 2026');
    expect(formatDay('2026-12-09', 'en', 'medium')).toBe('9 Dec 2026');
    expect(formatDay('2026-12-09', 'ar', 'dayMonth')).toBe('9 ديسمبر');
    expect(formatDay('1980-01-01', 'en', 'short')).toBe('1 Jan 1980');
  });

  it('shows a value that is not a date as it is', () => {
    expect(formatDay('not a date', 'en')).toBe('not a date');
  });
});
