import { performance } from 'node:perf_hooks';
import { evaluateSourceFinder } from '../packages/domain/src/clinical/evaluate-source-finder.ts';
import { rankSourceMuscles } from '../packages/domain/src/clinical/rank-source-muscles.ts';
import type { PainMark } from '../packages/domain/src/clinical/source-finder-types.ts';
import type { BenchResult } from './bench-types.ts';

/** A typical neck-and-shoulder pain map from the body chart: five zones on one side. */
const FIVE_ZONE_MAP: PainMark[] = [
  { zone: 'temple', side: 'right', intensity: 6 },
  { zone: 'posterior_neck', side: 'right', intensity: 7 },
  { zone: 'upper_trapezius_ridge', side: 'right', intensity: 5 },
  { zone: 'scapula_medial_border', side: 'right', intensity: 4 },
  { zone: 'lateral_shoulder', side: 'right', intensity: 3 },
];

const WARM_UP = 500;
const RUNS = 5_000;

export async function runSourceFinderBench(): Promise<BenchResult[]> {
  for (let i = 0; i < WARM_UP; i += 1) rankSourceMuscles({ zones: FIVE_ZONE_MAP });
  const micros: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    rankSourceMuscles({ zones: FIVE_ZONE_MAP });
    micros.push((performance.now() - start) * 1000);
  }
  micros.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round((micros[Math.min(micros.length - 1, Math.floor(p * micros.length))] ?? 0) * 10) / 10;

  const evaluation = evaluateSourceFinder();
  return [
    { bench: 'source-finder', zones: FIVE_ZONE_MAP.length, runs: RUNS, p50_us: percentile(0.5), p95_us: percentile(0.95) },
    {
      bench: 'source-finder-recall',
      vignettes: evaluation.vignettes,
      top3_recall: evaluation.top3Recall,
      top5_recall: evaluation.top5Recall,
      top3_recall_first: evaluation.top3RecallFirst,
      top5_recall_first: evaluation.top5RecallFirst,
    },
  ];
}
