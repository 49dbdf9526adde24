import { describe, expect, it } from 'vitest';
import { readZoneOffsets, readZoneOffsetsFromTemporal } from './read-zone-offsets.ts';

const DAY = 86_400_000;
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Dubai', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Apia'];

describe('readZoneOffsets (cut from a memo per zone)', () => {
  it('gives what Temporal gives for windows asked in any order, at and around every change', () => {
    // A deterministic walk: windows of 1-95 days starting anywhere in 2024-2028, asked out of
    // order so the memo must widen both ways; plus windows that start or end exactly on a change.
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const base = Date.UTC(2024, 0, 1);
    for (const zone of ZONES) {
      for (let i = 0; i < 60; i++) {
        const from = base + Math.floor(next() * 5 * 365) * DAY + Math.floor(next() * DAY);
        const to = from + (1 + Math.floor(next() * 95)) * DAY;
        expect(readZoneOffsets(zone, from, to), `${zone} ${new Date(from).toISOString()}`).toEqual(readZoneOffsetsFromTemporal(zone, from, to));
      }
      for (const change of readZoneOffsetsFromTemporal(zone, base, base + 5 * 365 * DAY).slice(1)) {
        for (const [from, to] of [
          [change.fromMs, change.fromMs + 30 * DAY],
          [change.fromMs - 30 * DAY, change.fromMs],
          [change.fromMs - 1, change.fromMs + 1],
        ] as const) {
          expect(readZoneOffsets(zone, from, to)).toEqual(readZoneOffsetsFromTemporal(zone, from, to));
        }
      }
    }
  });
});
