import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { rankSourceMuscles } from './rank-source-muscles.ts';
import { sourceFinderVignettes, type SourceFinderVignette } from './source-finder-vignettes.ts';

export interface SourceFinderEvaluation {
  vignettes: number;
  /** Share of vignettes with ANY expected muscle ranked first / in the top 3 / top 5 distinct muscles. */
  top1Recall: number;
  top3Recall: number;
  top5Recall: number;
  /** Stricter: the FIRST expected muscle (the one the text names first) in the top k. */
  top1RecallFirst: number;
  top3RecallFirst: number;
  top5RecallFirst: number;
  /** Vignettes with no expected muscle in the top 5, with the top 5 that came instead. */
  misses: { id: string; expected: string[]; got: string[] }[];
  /** Vignettes whose first-named muscle is not ranked first, with what came first. */
  firstMisses: { id: string; expected: string; got: string | undefined }[];
}

/**
 * Measures the source finder against the literature vignettes. Rankings are compared as lists of
 * distinct muscles (a muscle may appear once per side); when a vignette names the side the
 * trigger point should be on, a candidate on the other side does not count ("id@side" in `got`).
 */
export function evaluateSourceFinder(
  kb: KnowledgeBase = bundledKnowledgeBase,
  vignettes: readonly SourceFinderVignette[] = sourceFinderVignettes,
): SourceFinderEvaluation {
  const hits = { top1: 0, top3: 0, top5: 0, top1First: 0, top3First: 0, top5First: 0 };
  const misses: SourceFinderEvaluation['misses'] = [];
  const firstMisses: SourceFinderEvaluation['firstMisses'] = [];
  for (const vignette of vignettes) {
    const ranked = rankedMuscles(vignette, kb);
    const within = (k: number, ids: readonly string[]) => ranked.slice(0, k).some((id) => ids.includes(id));
    const first = vignette.expected.slice(0, 1);
    if (within(1, vignette.expected)) hits.top1 += 1;
    if (within(3, vignette.expected)) hits.top3 += 1;
    if (within(5, vignette.expected)) hits.top5 += 1;
    if (within(1, first)) hits.top1First += 1;
    if (within(3, first)) hits.top3First += 1;
    if (within(5, first)) hits.top5First += 1;
    if (!within(5, vignette.expected)) misses.push({ id: vignette.id, expected: [...vignette.expected], got: ranked.slice(0, 5) });
    if (!within(1, first)) firstMisses.push({ id: vignette.id, expected: first[0] ?? '', got: ranked[0] });
  }
  const share = (n: number) => (vignettes.length === 0 ? 0 : Math.round((n / vignettes.length) * 1000) / 1000);
  return {
    vignettes: vignettes.length,
    top1Recall: share(hits.top1),
    top3Recall: share(hits.top3),
    top5Recall: share(hits.top5),
    top1RecallFirst: share(hits.top1First),
    top3RecallFirst: share(hits.top3First),
    top5RecallFirst: share(hits.top5First),
    misses,
    firstMisses,
  };
}

function rankedMuscles(vignette: SourceFinderVignette, kb: KnowledgeBase): string[] {
  const ids: string[] = [];
  for (const candidate of rankSourceMuscles({ zones: vignette.zones, limit: 20 }, kb)) {
    const wrongSide = vignette.side !== undefined && candidate.side !== undefined && candidate.side !== vignette.side;
    const id = wrongSide ? `${candidate.muscleId}@${candidate.side}` : candidate.muscleId;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
