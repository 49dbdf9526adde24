import { loadScreeningRules, type ScreeningRules } from './load-screening-rules.ts';
import { screenPatient } from './screen-patient.ts';
import { SCREENING_FAMILY_CASES, type FamilyCase, type ScreeningFamily } from './screening-cases-families.ts';
import type { ScreeningOutcome } from './screening-result.ts';
import type { RedFlagId, Urgency } from './screening-schemas.ts';

export interface FamilyCaseResult {
  id: string;
  family: ScreeningFamily;
  expectedOutcome: ScreeningOutcome;
  actualOutcome: ScreeningOutcome;
  missedRedFlags: RedFlagId[];
  unexpectedRedFlags: RedFlagId[];
  expectedUrgency?: Urgency;
  actualUrgency?: Urgency;
  missingPrecautions: string[];
  passed: boolean;
}

/** One family's measures; a rate is undefined when the family has no case it applies to. */
export interface FamilyMeasures {
  family: ScreeningFamily | 'all';
  cases: number;
  /** Expected red flags raised / expected red flags. */
  redFlagRecall?: number;
  /** Cases whose referral urgency is exactly the expected one (under is unsafe, over is the wrong message) / cases. */
  urgencyAdequacy?: number;
  /** Cases triaged less urgently than expected (including not referred at all). */
  underTriaged: number;
  /** Cases that should not be referred that were: / such cases. */
  falseReferralRate?: number;
  /** Cases with expected precautions whose outcome matches and every expected precaution is present / such cases. */
  precautionAccuracy?: number;
}

const RANK: Record<Urgency, number> = { soon: 1, same_day: 2, emergency: 3 };
const ratio = (hits: number, total: number): number | undefined => (total === 0 ? undefined : hits / total);

export function evaluateFamilyCase(testCase: FamilyCase, rules: ScreeningRules = loadScreeningRules()): FamilyCaseResult {
  const result = screenPatient(testCase.answers, testCase.today, rules);
  const { expected } = testCase;
  const actual = result.redFlags.map((f) => f.id);
  const precautionIds = new Set(result.precautions.map((p) => p.ruleId));
  const missedRedFlags = expected.redFlags.filter((id) => !actual.includes(id));
  const unexpectedRedFlags = actual.filter((id) => !expected.redFlags.includes(id));
  const missingPrecautions = (testCase.expectedPrecautions ?? []).filter((id) => !precautionIds.has(id));
  const actualUrgency = result.physicianReferral?.urgency;
  return {
    id: testCase.id,
    family: testCase.family,
    expectedOutcome: expected.outcome,
    actualOutcome: result.outcome,
    missedRedFlags,
    unexpectedRedFlags,
    ...(expected.urgency ? { expectedUrgency: expected.urgency } : {}),
    ...(actualUrgency ? { actualUrgency } : {}),
    missingPrecautions,
    passed:
      result.outcome === expected.outcome &&
      missedRedFlags.length === 0 &&
      unexpectedRedFlags.length === 0 &&
      actualUrgency === expected.urgency &&
      missingPrecautions.length === 0,
  };
}

function measure(family: FamilyMeasures['family'], cases: readonly FamilyCase[], results: readonly FamilyCaseResult[]): FamilyMeasures {
  const expectedFlags = cases.reduce((n, c) => n + c.expected.redFlags.length, 0);
  const missed = results.reduce((n, r) => n + r.missedRedFlags.length, 0);
  const notToRefer = results.filter((r) => r.expectedOutcome !== 'refer_before_treatment');
  const withPrecautions = results.filter((r) => cases.find((c) => c.id === r.id)?.expectedPrecautions?.length);
  const under = results.filter((r) => r.expectedUrgency && (!r.actualUrgency || RANK[r.actualUrgency] < RANK[r.expectedUrgency]));
  const result: FamilyMeasures = { family, cases: cases.length, underTriaged: under.length };
  const recall = ratio(expectedFlags - missed, expectedFlags);
  const adequacy = ratio(results.filter((r) => r.actualUrgency === r.expectedUrgency).length, results.length);
  const falseReferral = ratio(notToRefer.filter((r) => r.actualOutcome === 'refer_before_treatment').length, notToRefer.length);
  const precaution = ratio(
    withPrecautions.filter((r) => r.missingPrecautions.length === 0 && r.actualOutcome === r.expectedOutcome).length,
    withPrecautions.length,
  );
  return {
    ...result,
    ...(recall === undefined ? {} : { redFlagRecall: recall }),
    ...(adequacy === undefined ? {} : { urgencyAdequacy: adequacy }),
    ...(falseReferral === undefined ? {} : { falseReferralRate: falseReferral }),
    ...(precaution === undefined ? {} : { precautionAccuracy: precaution }),
  };
}

/**
 * The issue-9 screening measures per family of misses and overall: red-flag recall, urgency
 * adequacy (exact; under-triage counted apart), false-referral rate and precaution accuracy.
 */
export function evaluateScreeningFamilies(
  cases: readonly FamilyCase[] = SCREENING_FAMILY_CASES,
  rules: ScreeningRules = loadScreeningRules(),
): { results: FamilyCaseResult[]; families: FamilyMeasures[]; overall: FamilyMeasures } {
  const results = cases.map((c) => evaluateFamilyCase(c, rules));
  const families = [...new Set(cases.map((c) => c.family))].map((family) =>
    measure(
      family,
      cases.filter((c) => c.family === family),
      results.filter((r) => r.family === family),
    ),
  );
  return { results, families, overall: measure('all', cases, results) };
}
