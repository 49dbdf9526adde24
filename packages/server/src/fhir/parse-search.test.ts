import { describe, expect, it } from 'vitest';
import { parseDateParam, parseReference } from './parse-search.ts';

describe('FHIR search values', () => {
  it('turns a day into that whole day, and prefixes into open ranges', () => {
    expect(parseDateParam(['2026-11-30'])).toEqual({ range: { from: '2026-11-30T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' } });
    expect(parseDateParam(['ge2026-11-01', 'lt2026-12-01'])).toEqual({ range: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' } });
    expect(parseDateParam(['gt2026-11'])).toEqual({ range: { from: '2026-12-01T00:00:00.000Z' } });
    expect(parseDateParam(['le2026'])).toEqual({ range: { to: '2027-01-01T00:00:00.000Z' } });
    expect(parseDateParam(['ge2026-11-30T09:00:00+04:00'])).toEqual({ range: { from: '2026-11-30T05:00:00.000Z' } });
  });

  it('keeps the bounds of the last day of year 9999 within what the database stores', () => {
    expect(parseDateParam(['9999-12-31T23:59'])).toEqual({ range: { from: '9999-12-31T23:59:00.000Z', to: '9999-12-31T23:59:59.999Z' } });
    expect(parseDateParam(['gt9999'])).toEqual({ range: { from: '9999-12-31T23:59:59.999Z' } });
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2026-02-30', '2026-13', 'sa2026-01-01', 'yesterday', '', '2026-11-30T25:00Z']) expect(parseDateParam([bad])).toHaveProperty('problem');
  });

  it('reads a reference in its three forms and refuses another type', () => {
    expect(parseReference('Patient/abc-1', 'Patient')).toBe('abc-1');
    expect(parseReference('abc-1', 'Patient')).toBe('abc-1');
    expect(parseReference('http://x.test/api/fhir/R4/Patient/abc-1', 'Patient')).toBe('abc-1');
    expect(parseReference('Practitioner/abc-1', 'Patient')).toBeUndefined();
    expect(parseReference('a b', 'Patient')).toBeUndefined();
  });
});
