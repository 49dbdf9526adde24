import { evaluateSourceFinder, type SourceFinderEvaluation } from '../packages/domain/src/clinical/evaluate-source-finder.ts';
import { heldOutSourceFinderVignettes } from '../packages/domain/src/clinical/source-finder-held-out-vignettes.ts';
import { sourceFinderVignettes } from '../packages/domain/src/clinical/source-finder-vignettes.ts';
import { knowledgeBase } from '../packages/domain/src/knowledge/knowledge-base.ts';
import type { BenchResult } from './bench-types.ts';

/**
 * Source-finder quality on the literature vignettes, with and without the prevalence prior:
 * top-1/3/5 for the FIRST-named muscle (strict) and for ANY named muscle (lenient).
 *   tuning    the 73 vignettes the weights were checked against;
 *   held-out  28 vignettes written before the issue-9 corrections and prior, never tuned on;
 *   held-out-no-prevalence-studies  the held-out set without the 6 cases taken from the same
 *             prevalence studies the prior cites, so the prior cannot simply echo its sources.
 */
export async function runClinicalSourceFinderBench(): Promise<BenchResult[]> {
  const withoutPrior = { ...knowledgeBase, musclePrevalence: [] };
  const sets = [
    ['tuning', sourceFinderVignettes],
    ['held-out', heldOutSourceFinderVignettes],
    ['held-out-no-prevalence-studies', heldOutSourceFinderVignettes.filter((v) => !v.source.startsWith('[P]'))],
  ] as const;
  const rows: BenchResult[] = [];
  for (const [set, vignettes] of sets) {
    for (const [prior, kb] of [
      ['off', withoutPrior],
      ['on', knowledgeBase],
    ] as const) {
      rows.push(row(set, prior, evaluateSourceFinder(kb, vignettes)));
    }
  }
  return rows;
}

function row(set: string, prior: string, e: SourceFinderEvaluation): BenchResult {
  return {
    bench: 'clinical-source-finder',
    set,
    prior,
    vignettes: e.vignettes,
    top1_first: e.top1RecallFirst,
    top3_first: e.top3RecallFirst,
    top5_first: e.top5RecallFirst,
    top1_any: e.top1Recall,
    top3_any: e.top3Recall,
    top5_any: e.top5Recall,
  };
}
