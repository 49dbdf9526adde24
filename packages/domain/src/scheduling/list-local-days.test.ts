import { describe, expect, it } from 'vitest';
import { epochDayOfDate } from './epoch-days.ts';
import { listLocalDaysBetween, wallTimeToEpochMs } from './list-local-days.ts';
import { readZoneOffsets } from './read-zone-offsets.ts';

function day(timeZone: string, date: string) {
  const epochDay = epochDayOfDate(date);
  const around = epochDay * 86_400_000;
  const segments = readZoneOffsets(timeZone, around - 2 * 86_400_000, around + 3 * 86_400_000);
  const [only] = listLocalDaysBetween(epochDay, epochDay, timeZone, segments);
  if (only === undefined) throw new Error('no day');
  return only;
}

const at = (timeZone: string, date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(wallTimeToEpochMs(day(timeZone, date), (h ?? 0) * 60 + (m ?? 0), timeZone)).toISOString();
};

describe('listLocalDaysBetween and wallTimeToEpochMs', () => {
  it('measures DST change days in real hours and marks them', () => {
    const spring = day('America/New_York', '2026-03-08');
    const fall = day('America/New_York', '2026-11-01');
    const plain = day('America/New_York', '2026-03-09');
    expect([spring.endMs - spring.startMs, spring.uniformOffset]).toEqual([23 * 3_600_000, false]);
    expect([fall.endMs - fall.startMs, fall.uniformOffset]).toEqual([25 * 3_600_000, false]);
    expect([plain.endMs - plain.startMs, plain.uniformOffset, plain.weekday]).toEqual([24 * 3_600_000, true, 1]);
    const later = day('America/New_York', '2026-03-12');
    expect([later.startMs, later.endMs - later.startMs, later.uniformOffset, later.weekday, later.date]).toEqual([
      Date.parse('2026-03-12T04:00:00Z'),
      24 * 3_600_000,
      true,
      4,
      '2026-03-12',
    ]);
  });

  it('lists dates and weekdays across months and years', () => {
    const segments = readZoneOffsets('Asia/Dubai', Date.parse('2026-12-27T00:00:00Z'), Date.parse('2027-01-06T00:00:00Z'));
    const days = listLocalDaysBetween(epochDayOfDate('2026-12-29'), epochDayOfDate('2027-01-02'), 'Asia/Dubai', segments);
    expect(days.map((d) => `${d.date} ${d.weekday} ${new Date(d.startMs).toISOString()}`)).toEqual([
      '2026-12-29 2 2026-12-28T20:00:00.000Z',
      '2026-12-30 3 2026-12-29T20:00:00.000Z',
      '2026-12-31 4 2026-12-30T20:00:00.000Z',
      '2027-01-01 5 2026-12-31T20:00:00.000Z',
      '2027-01-02 6 2027-01-01T20:00:00.000Z',
    ]);
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
