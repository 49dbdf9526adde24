import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { listLocalDays, wallTimeToEpochMs } from './list-local-days.ts';

function day(timeZone: string, date: string) {
  const plain = Temporal.PlainDate.from(date);
  const [only] = listLocalDays(plain, plain, timeZone);
  if (only === undefined) throw new Error('no day');
  return only;
}

const at = (timeZone: string, date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(wallTimeToEpochMs(day(timeZone, date), (h ?? 0) * 60 + (m ?? 0), timeZone)).toISOString();
};

describe('listLocalDays and wallTimeToEpochMs', () => {
  it('measures DST change days in real hours and marks them', () => {
    const spring = day('America/New_York', '2026-03-08');
    const fall = day('America/New_York', '2026-11-01');
    const plain = day('America/New_York', '2026-03-09');
    expect([spring.endMs - spring.startMs, spring.uniformOffset]).toEqual([23 * 3_600_000, false]);
    expect([fall.endMs - fall.startMs, fall.uniformOffset]).toEqual([25 * 3_600_000, false]);
    expect([plain.endMs - plain.startMs, plain.uniformOffset, plain.weekday]).toEqual([24 * 3_600_000, true, 1]);
  });

  it('maps a wall time to the earliest instant the clock reads at least that time', () => {
    const zone = 'America/New_York';
    expect(at(zone, '2026-03-08', '01:59')).toBe('2026-03-08T06:59:00.000Z');
    expect(at(zone, '2026-03-08', '02:00')).toBe('2026-03-08T07:00:00.000Z');
    expect(at(zone, '2026-03-08', '02:30')).toBe('2026-03-08T07:00:00.000Z');
    expect(at(zone, '2026-03-08', '03:00')).toBe('2026-03-08T07:00:00.000Z');
    expect(at(zone, '2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(at(zone, '2026-11-01', '02:00')).toBe('2026-11-01T07:00:00.000Z');
    expect(at(zone, '2026-11-01', '24:00')).toBe('2026-11-02T05:00:00.000Z');
    expect(at('Asia/Dubai', '2026-12-01', '09:30')).toBe('2026-12-01T05:30:00.000Z');
  });
});
