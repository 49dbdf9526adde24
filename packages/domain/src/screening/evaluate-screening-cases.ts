import { loadScreeningRules, type ScreeningRules } from './load-screening-rules.ts';
import { zoneKey } from './resolve-zones.ts';
import { screenPatient } from './screen-patient.ts';
import type { CaseKind, ScreeningCase } from './screening-case-builder.ts';
import { SCREENING_CASES } from './screening-cases.ts';
import type { ScreeningOutcome } from './screening-result.ts';
import type { RedFlagId, Urgency, ZoneRef } from './screening-schemas.ts';

export interface CaseEvaluation {
  id: string;
  kind: CaseKind;
  description: string;
  expectedOutcome: ScreeningOutcome;
  actualOutcome: ScreeningOutcome;
  expectedRedFlags: readonly RedFlagId[];
  actualRedFlags: RedFlagId[];
  /** Expected red flags the screen did not raise: the safety failures. */
  missedRedFlags: RedFlagId[];
  /** Red flags raised that the case did not expect. */
  unexpectedRedFlags: RedFlagId[];
  expectedUrgency?: Urgency;
  actualUrgency?: Urgency;
  missingAvoidZones: ZoneRef[];
  /** Outcome, red flags, urgency (if given) and avoid zones (if given) all as expected. */
  passed: boolean;
}

export interface ScreeningEvaluation {
  cases: CaseEvaluation[];
  /** Expected red flags raised / expected red flags, over all cases (1 = none missed). */
  redFlagRecall: number;
  /** Cases that should not be referred (kinds clean and precautions) that were referred, as a fraction of them. */
  falseReferralRate: number;
  noReferralCaseCount: number;
  expectedRedFlagCount: number;
}

const NOT_REFERRED_KINDS: readonly CaseKind[] = ['clean', 'precautions'];

export function evaluateCase(testCase: ScreeningCase, rules: ScreeningRules = loadScreeningRules()): CaseEvaluation {
  const result = screenPatient(testCase.answers, testCase.today, rules);
  const { expected } = testCase;
  const actualRedFlags = result.redFlags.map((flag) => flag.id);
  const missedRedFlags = expected.redFlags.filter((id) => !actualRedFlags.includes(id));
  const unexpectedRedFlags = actualRedFlags.filter((id) => !expected.redFlags.includes(id));
  const avoided = new Set(result.avoidZones.map(zoneKey));
  const missingAvoidZones = (expected.avoidZones ?? []).filter((ref) => !avoided.has(zoneKey(ref)));
  const actualUrgency = result.physicianReferral?.urgency;
  const passed =
    result.outcome === expected.outcome &&
    missedRedFlags.length === 0 &&
    unexpectedRedFlags.length === 0 &&
    (expected.urgency === undefined || expected.urgency === actualUrgency) &&
    missingAvoidZones.length === 0;
  return {
    id: testCase.id,
    kind: testCase.kind,
    description: testCase.description,
    expectedOutcome: expected.outcome,
    actualOutcome: result.outcome,
    expectedRedFlags: expected.redFlags,
    actualRedFlags,
    missedRedFlags,
    unexpectedRedFlags,
    ...(expected.urgency ? { expectedUrgency: expected.urgency } : {}),
    ...(actualUrgency ? { actualUrgency } : {}),
    missingAvoidZones,
    passed,
  };
}

/** Runs the screening case set; a benchmark can print the two headline figures. */
export function evaluateScreeningCases(cases: readonly ScreeningCase[] = SCREENING_CASES, rules: ScreeningRules = loadScreeningRules()): ScreeningEvaluation {
  const evaluations = cases.map((testCase) => evaluateCase(testCase, rules));
  const expectedRedFlagCount = evaluations.reduce((sum, e) => sum + e.expectedRedFlags.length, 0);
  const missed = evaluations.reduce((sum, e) => sum + e.missedRedFlags.length, 0);
  const noReferral = evaluations.filter((e) => NOT_REFERRED_KINDS.includes(e.kind));
  const falselyReferred = noReferral.filter((e) => e.actualOutcome === 'refer_before_treatment').length;
  return {
    cases: evaluations,
    redFlagRecall: expectedRedFlagCount === 0 ? 1 : (expectedRedFlagCount - missed) / expectedRedFlagCount,
    falseReferralRate: noReferral.length === 0 ? 0 : falselyReferred / noReferral.length,
    noReferralCaseCount: noReferral.length,
    expectedRedFlagCount,
  };
}
