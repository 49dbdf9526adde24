import { loadScreeningRules, type ScreeningRules } from './load-screening-rules.ts';

/**
 * The precautions in a stored screening result that a physician must clear before treatment.
 * Results stored before `clearanceRequired` existed are read from their contraindication ids, so
 * an older screen of a patient under cancer treatment still blocks until cleared.
 */
export function findClearanceRequired(stored: unknown, rules: ScreeningRules = loadScreeningRules()): string[] {
  const result = (stored ?? {}) as { clearanceRequired?: unknown; contraindications?: { id?: unknown }[] };
  if (Array.isArray(result.clearanceRequired)) return result.clearanceRequired.filter((id): id is string => typeof id === 'string');
  const ids = new Set((result.contraindications ?? []).map((c) => c.id));
  return rules.contraindications.rules.filter((rule) => rule.requiresClearance && ids.has(rule.id)).map((rule) => rule.id);
}
