import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { Instrument } from '../../packages/domain/src/outcomes/instrument-schemas.ts';
import { INSTRUMENTS } from '../../packages/domain/src/outcomes/load-instruments.ts';
import { scoreMeasure } from '../../packages/domain/src/outcomes/score-measure.ts';
import instrumentsFile from './instruments.json' with { type: 'json' };
import protocols from '../protocols/protocols.json' with { type: 'json' };

describe('the instrument library', () => {
  it('matches its schema', () => {
    const errors = instrumentsFile.flatMap((entry, index) => [...Value.Errors(Instrument, entry)].slice(0, 3).map((e) => `${index}${e.path}: ${e.message}`));
    expect(errors).toEqual([]);
  });

  it('ships the free instruments the issue asks for and keeps the licensed ones off', () => {
    const ids = INSTRUMENTS.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['nprs', 'psfs', 'lefs', 'groc', 'ndi', 'odi', 'quickdash']));
    expect(new Set(ids).size).toBe(ids.length);
    for (const instrument of INSTRUMENTS) {
      if (instrument.licence.status === 'licence_required') {
        expect(instrument.enabledByDefault, instrument.id).toBe(false);
        // Their wording is the licence holder's: we ship section names, the clinic supplies the text.
        expect(instrument.arabic.status, instrument.id).toBe('licensee_supplies');
      }
    }
  });

  it('names only real protocol regions', () => {
    const regions = new Set(protocols.map((p) => p.id));
    for (const instrument of INSTRUMENTS) for (const region of instrument.regions) expect(regions.has(region), `${instrument.id}: ${region}`).toBe(true);
  });

  it('scores the lowest and highest answers at the ends of the stated range', () => {
    for (const instrument of INSTRUMENTS) {
      const ends = instrument.patientSpecific
        ? [{ a: instrument.patientSpecific.min }, { a: instrument.patientSpecific.max }]
        : [Object.fromEntries(instrument.items.map((item) => [item.id, item.min])), Object.fromEntries(instrument.items.map((item) => [item.id, item.max]))];
      const scores = ends.map((answers) => scoreMeasure(instrument, answers));
      const values = scores.map((s) => (s.status === 'scored' ? s.score : Number.NaN)).sort((a, b) => a - b);
      expect(values, instrument.id).toEqual([instrument.range.min, instrument.range.max]);
    }
  });

  it('gives every threshold and item unique ids and a source', () => {
    for (const instrument of INSTRUMENTS) {
      expect(new Set(instrument.items.map((i) => i.id)).size, instrument.id).toBe(instrument.items.length);
      expect(instrument.mcid !== undefined || instrument.responderAnswer !== undefined, `${instrument.id} has no way to call a change meaningful`).toBe(true);
      for (const threshold of [instrument.mcid, instrument.mdc, instrument.responderAnswer]) if (threshold) expect(threshold.sources.length).toBeGreaterThan(0);
    }
  });
});
