import { evaluatePlanPrecautions } from '../packages/domain/src/treatment/evaluate-plan-precautions.ts';
import type { BenchResult } from './bench-types.ts';

/**
 * Plans: zero plan rows that contradict a precaution, over every screening case crossed with
 * typical assessments (packages/domain/src/treatment/evaluate-plan-precautions.ts).
 */
export async function runClinicalPlansBench(): Promise<BenchResult[]> {
  const t0 = performance.now();
  const evaluation = evaluatePlanPrecautions();
  const ms = performance.now() - t0;
  return [
    {
      bench: 'clinical-plans-precautions',
      plans: evaluation.plans,
      targets: evaluation.targets,
      contradicting_rows: evaluation.contradictingRows,
      endangerment_rows_at_default_pressure: evaluation.endangermentRowsAtDefaultPressure,
      precaution_actions: evaluation.precautionActions,
      ms_per_plan: Number((ms / Math.max(1, evaluation.plans)).toFixed(2)),
    },
  ];
}
