import instrumentsFile from '../../../../knowledge-base/outcomes/instruments.json' with { type: 'json' };
import type { Instrument } from './instrument-schemas.ts';

/**
 * The instrument library (knowledge-base/outcomes/instruments.json), validated against its
 * schema by knowledge-base/outcomes/instruments.test.ts: the cast is safe because that test
 * fails otherwise.
 */
export const INSTRUMENTS: readonly Instrument[] = instrumentsFile as Instrument[];

export function findInstrument(id: string, instruments: readonly Instrument[] = INSTRUMENTS): Instrument | undefined {
  return instruments.find((instrument) => instrument.id === id);
}
