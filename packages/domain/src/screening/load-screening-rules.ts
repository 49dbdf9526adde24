import redFlagsJson from '../../../../knowledge-base/screening/red-flags.json' with { type: 'json' };
import contraindicationsJson from '../../../../knowledge-base/screening/contraindications.json' with { type: 'json' };
import { conditionQuestions } from './evaluate-condition.ts';
import { indexQuestionnaire } from './intake-questionnaire.ts';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';
import type { Questionnaire } from './questionnaire-schemas.ts';
import type { ContraindicationFile, RedFlagFile } from './screening-schemas.ts';

/** Everything the screener interprets: the rules and the questionnaire their conditions read. */
export interface ScreeningRules {
  readonly redFlags: RedFlagFile;
  readonly contraindications: ContraindicationFile;
  readonly questionnaire: Questionnaire;
}

/**
 * The bundled rules. The files are validated against their schemas by screening-data.test.ts;
 * the casts are safe because that test fails otherwise.
 */
const BUNDLED: ScreeningRules = {
  redFlags: redFlagsJson as unknown as RedFlagFile,
  contraindications: contraindicationsJson as unknown as ContraindicationFile,
  questionnaire: intakeQuestionnaire,
};

export function loadScreeningRules(): ScreeningRules {
  return BUNDLED;
}

/** Raw files by name, for the schema test to report which file is wrong. */
export const screeningRuleFiles = {
  'screening/red-flags.json': redFlagsJson as unknown,
  'screening/contraindications.json': contraindicationsJson as unknown,
} as const;

const requiredCache = new WeakMap<ScreeningRules, ReadonlySet<string>>();

/**
 * The red-flag questions marked required: those a red-flag rule (or escalation) reads and the
 * questionnaire requires. Leaving one unanswered, when it could decide the rule, means the red
 * flag cannot be ruled out and the patient is referred.
 */
export function findRequiredRedFlagQuestions(rules: ScreeningRules): ReadonlySet<string> {
  const cached = requiredCache.get(rules);
  if (cached) return cached;
  const index = indexQuestionnaire(rules.questionnaire);
  const read = rules.redFlags.rules.flatMap((rule) => [...conditionQuestions(rule.condition), ...rule.escalations.flatMap((e) => conditionQuestions(e.when))]);
  const required = new Set(read.filter((linkId) => index.get(linkId)?.item.required === true));
  requiredCache.set(rules, required);
  return required;
}
