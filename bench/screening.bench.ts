import { evaluateScreeningCases } from '../packages/domain/src/screening/evaluate-screening-cases.ts';
import { screenPatient } from '../packages/domain/src/screening/screen-patient.ts';
import { SCREENING_CASES } from '../packages/domain/src/screening/screening-cases.ts';
import type { BenchResult } from './bench-types.ts';

/** Screening quality on the case set (red flags caught, false referrals) and the time to screen one intake. */
export async function runScreeningBench(): Promise<BenchResult[]> {
  const evaluation = evaluateScreeningCases();
  const sample = SCREENING_CASES[0];
  if (!sample) throw new Error('no screening cases');
  for (let i = 0; i < 200; i++) screenPatient(sample.answers, sample.today);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const c = SCREENING_CASES[i % SCREENING_CASES.length] ?? sample;
    const t0 = performance.now();
    screenPatient(c.answers, c.today);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return [
    {
      bench: 'screening-cases',
      cases: evaluation.cases.length,
      red_flag_recall: Number(evaluation.redFlagRecall.toFixed(3)),
      false_referral_rate: Number(evaluation.falseReferralRate.toFixed(3)),
    },
    { bench: 'screening-speed', p50_us: Number((times[1000] ?? 0).toFixed(1)), p95_us: Number((times[1900] ?? 0).toFixed(1)) },
  ];
}
