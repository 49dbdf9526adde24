import type { Instrument } from '@myomap/domain/outcomes/instrument-schemas';
import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';

/** The free instruments, plus the licensed ones this clinic has entered a licence for. */
export function enabledInstruments(licensed: readonly string[]): Instrument[] {
  return INSTRUMENTS.filter((instrument) => instrument.enabledByDefault || licensed.includes(instrument.id));
}

export function requireEnabledInstrument(id: string, licensed: readonly string[]): Instrument {
  const instrument = INSTRUMENTS.find((i) => i.id === id);
  if (!instrument) throw new AppError('validation_failed', `Unknown instrument ${id}.`, [{ field: 'instrumentId', problem: 'is not a known instrument' }]);
  if (!enabledInstruments(licensed).includes(instrument)) {
    throw new AppError('instrument_not_licensed', `${instrument.name.en} needs a licence the clinic has not entered.`, { licence: instrument.licence.holder });
  }
  return instrument;
}

/** Every instrument in the library, each saying whether this clinic may use it. */
export async function listInstruments(sql: Sql): Promise<(Instrument & { enabled: boolean })[]> {
  const { licensedInstruments } = await loadOutcomeSettings(sql);
  const enabled = new Set(enabledInstruments(licensedInstruments).map((i) => i.id));
  return INSTRUMENTS.map((instrument) => ({ ...instrument, enabled: enabled.has(instrument.id) }));
}
