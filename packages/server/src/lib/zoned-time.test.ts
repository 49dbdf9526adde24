import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { afterAnyLocalDay, beforeAnyLocalDay, daysBetween, isRealDate, startOfLocalDay } from './zoned-time.ts';

/** Every month 0-13 and day 0-32 of leap and common years (2000 is leap, 1900 and 2100 are not, 0000-0099 too), and malformed dates. */
function* candidateDates(): Generator<string> {
  for (const year of ['0000', '0099', '1900', '1999', '2000', '2001', '2024', '2026', '2100', '9999']) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) yield `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  yield* ['2026-1-01', '2026-01-1', '26-01-01', '2026/01/01', '2026-01-01T00:00', ' 2026-01-01', '+002026-01-01', '20260101', ''];
}

const temporalIsRealDate = (value: string) => {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
};

describe('calendar dates without Temporal', () => {
  it('accepts exactly the dates Temporal accepts as written', () => {
    for (const value of candidateDates()) expect(isRealDate(value), value).toBe(temporalIsRealDate(value));
  });

  it('counts the days between two dates as Temporal does, across leap days and centuries', () => {
    const dates = [...candidateDates()].filter(isRealDate).filter((_, i) => i % 7 === 0);
    for (const from of dates.slice(0, 60)) {
      for (const to of dates) {
        expect(daysBetween(from, to), `${from}..${to}`).toBe(Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days);
      }
    }
  });

  it('puts the busy-time window around the local days in every zone, DST days included', () => {
    for (const zone of ['Pacific/Kiritimati', 'Etc/GMT+12', 'Asia/Dubai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      for (const date of ['2026-03-08', '2026-03-29', '2026-10-04', '2026-11-01', '2026-12-31']) {
        expect(beforeAnyLocalDay(date, -1).getTime()).toBeLessThanOrEqual(startOfLocalDay(date, zone, -1).getTime());
        expect(afterAnyLocalDay(date, 1).getTime()).toBeGreaterThanOrEqual(startOfLocalDay(date, zone, 2).getTime());
        // Not so wide that it reads another week of appointments: under two days more in all.
        const extra = afterAnyLocalDay(date, 1).getTime() - beforeAnyLocalDay(date, -1).getTime();
        expect(extra - (startOfLocalDay(date, zone, 2).getTime() - startOfLocalDay(date, zone, -1).getTime())).toBeLessThan(2 * 86_400_000);
      }
    }
  });
});
