import effectsJson from '../../../../knowledge-base/screening/precaution-effects.json' with { type: 'json' };
import type { PrecautionEffectsFile } from './precaution-schemas.ts';

/**
 * The bundled precaution effects. precaution-effects.test.ts validates the file against its
 * schema and the knowledge base, so the cast is safe.
 */
const BUNDLED = effectsJson as unknown as PrecautionEffectsFile;

export function loadPrecautionEffects(): PrecautionEffectsFile {
  return BUNDLED;
}

export const precautionEffectsFile: unknown = effectsJson;
