import { evaluateScreeningFamilies } from '../packages/domain/src/screening/evaluate-screening-families.ts';
import type { BenchResult } from './bench-types.ts';

const round = (value: number | undefined): number | string => (value === undefined ? '' : Number(value.toFixed(3)));

/** Issue 9 screening measures, per family of misses and overall, on the family case set. */
export async function runClinicalScreeningBench(): Promise<BenchResult[]> {
  const { families, overall } = evaluateScreeningFamilies();
  return [...families, overall].map((m) => ({
    bench: `screening-family:${m.family}`,
    cases: m.cases,
    red_flag_recall: round(m.redFlagRecall),
    urgency_adequacy: round(m.urgencyAdequacy),
    under_triaged: m.underTriaged,
    false_referral_rate: round(m.falseReferralRate),
    precaution_accuracy: round(m.precautionAccuracy),
  }));
}
