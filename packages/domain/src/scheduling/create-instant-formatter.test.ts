import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { createInstantFormatter, formatWallClock } from './create-instant-formatter.ts';
import { readZoneOffsets } from './read-zone-offsets.ts';

describe('createInstantFormatter', () => {
  it('formats wall-clock dates like Temporal, leap days and century years included', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const samples = [Date.UTC(2000, 1, 29, 23, 59), Date.UTC(2100, 2, 1), Date.UTC(1970, 0, 1), Date.UTC(2024, 11, 31, 12)];
    for (let i = 0; i < 500; i++) samples.push(Date.UTC(1990, 0, 1) + (next() % 60_000) * 86_400_000 + (next() % 86_400) * 1000);
    for (const sample of samples) {
      const expected = Temporal.Instant.fromEpochMilliseconds(sample).toZonedDateTimeISO('UTC').toPlainDateTime().toString();
      expect(formatWallClock(sample)).toBe(expected);
    }
  });

  it('uses the offset in force at each instant across a transition', () => {
    const from = Date.parse('2026-10-24T00:00:00Z');
    const format = createInstantFormatter(readZoneOffsets('Europe/London', from, Date.parse('2026-10-27T00:00:00Z')));
    expect(format(Date.parse('2026-10-25T00:59:00Z'))).toBe('2026-10-25T01:59:00+01:00');
    expect(format(Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25T01:00:00+00:00');
    expect(format(Date.parse('2026-10-26T09:00:00Z'))).toBe('2026-10-26T09:00:00+00:00');
    // Not on a whole minute: formatted the long way, same result shape.
    expect(format(Date.parse('2026-10-26T09:00:07Z'))).toBe('2026-10-26T09:00:07+00:00');
  });

  it('writes +04:00 for Asia/Dubai', () => {
    const format = createInstantFormatter(readZoneOffsets('Asia/Dubai', 0, 1));
    expect(format(Date.parse('2026-12-01T05:30:00Z'))).toBe('2026-12-01T09:30:00+04:00');
  });
});
