import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { buildReferralIndex, INEXACT_MATCH_WEIGHT, SPILLOVER_WEIGHT, type IndexedMuscle, type ReferralIndex } from './build-referral-index.ts';
import {
  UnknownMuscleError,
  UnknownZoneError,
  type MatchedZone,
  type PainMark,
  type PalpatedTriggerPoint,
  type Side,
  type SourceCandidate,
  type SourceFinderRequest,
} from './source-finder-types.ts';
import { writeSourceExplanation, type CandidateEvidence } from './write-source-explanation.ts';

export { UnknownMuscleError, UnknownZoneError } from './source-finder-types.ts';
export type { MatchedZone, PainMark, PalpatedTriggerPoint, Side, SourceCandidate, SourceFinderRequest } from './source-finder-types.ts';
export { searchMuscles } from './search-muscles.ts';
export { explainZone } from './explain-zone.ts';

/**
 * The trigger-point source finder: given where it hurts, which muscles' referral patterns
 * explain it. The code knows no muscle; every clinical fact comes from the knowledge base.
 *
 * score = coverage × specificity × local, raised by palpation findings, where
 *   coverage    = the share of the marked pain (weighted by intensity and by how informative
 *                 each zone is) that the muscle's pattern explains; primary zones count fully,
 *                 spillover zones SPILLOVER_WEIGHT. One muscle explaining every marked area
 *                 beats one explaining a single area.
 *   specificity = a mild penalty for a pattern much broader than what was marked;
 *   local       = a mild preference for a muscle whose trigger point lies under a painful area,
 *                 as a trigger point also hurts where it is (local pain and tenderness);
 *   prior       = how often the muscle is the source (SOURCE_FINDER_PRIOR, from
 *                 knowledge-base/source-finder/muscle-prevalence.json): a gentle multiplier that
 *                 orders muscles explaining the pain about equally.
 * Muscles with no Travell & Simons referral map (referralMap) are proposed only from palpation.
 *
 * The weights were checked against source-finder-vignettes.ts (evaluate-source-finder.ts):
 * recall is flat across breadthPenalty 0.1-0.4 and SPILLOVER_WEIGHT 0.25-0.55; adding `local`
 * raised "first-named muscle in the top 3" from 0.64 to 0.74 without changing any-expected recall.
 */
export const DEFAULT_LIMIT = 10;

export const SOURCE_FINDER_WEIGHTS = {
  /** Most a broad pattern can lose against a narrow one; mild, as breadth is not evidence against. */
  breadthPenalty: 0.25,
  /**
   * Most a muscle lying away from all the pain can lose against one whose trigger point sits in
   * a marked area. Mild: referred pain is by definition felt away from its source.
   */
  localPain: 0.2,
  /** Weight of a mark with no intensity; marks are weighted 0.2 + 0.8 × intensity/10. */
  defaultIntensity: 5,
  /**
   * How far a palpated trigger point closes the gap to 1. An active trigger point that
   * reproduces the patient's familiar pain is the diagnostic finding (Travell & Simons, ch. 2);
   * a latent one is only tender.
   */
  palpation: { activeFamiliar: 0.5, active: 0.3, latentFamiliar: 0.2, latent: 0.1 },
  /** A palpated muscle whose pattern explains none of the marks keeps this share of its bonus. */
  palpatedOnly: 0.5,
} as const;

interface WeightedMark {
  zone: string;
  /** undefined: the mark applies to either side (midline zone, or no side given). */
  side: Side | undefined;
  midline: boolean;
  weight: number;
}

export function rankSourceMuscles(request: SourceFinderRequest, kb: KnowledgeBase = bundledKnowledgeBase): SourceCandidate[] {
  const index = buildReferralIndex(kb);
  const marks = weighMarks(request.zones, index);
  const palpated = checkPalpation(request.palpatedTriggerPoints ?? [], index);
  const limit = Math.max(0, Math.floor(request.limit ?? DEFAULT_LIMIT));

  const sidesInPlay = sortSides(marks.map((mark) => mark.side));
  const muscleIndexes = new Set<number>();
  for (const mark of marks) for (const ref of index.referrersByZone.get(mark.zone) ?? []) muscleIndexes.add(ref.muscleIndex);
  for (const finding of palpated) muscleIndexes.add(index.muscleIndexById.get(finding.muscleId) ?? -1);
  muscleIndexes.delete(-1);

  const scored: Weighed[] = [];
  for (const muscleIndex of muscleIndexes) {
    const entry = index.muscles[muscleIndex];
    if (!entry) continue;
    const findings = palpated.filter((finding) => finding.muscleId === entry.muscle.id);
    for (const side of candidateSides(entry, sidesInPlay, findings)) {
      const evidence = weighEvidence(entry, side, marks, findings, index);
      if (evidence) scored.push(evidence);
    }
  }

  scored.sort((a, b) => b.score - a.score || compareText(a.entry.muscle.id, b.entry.muscle.id) || compareText(a.evidence.side ?? '', b.evidence.side ?? ''));
  // Words are written only for the candidates returned: most of the time goes into them.
  return scored.slice(0, limit).map((weighed) => describe(weighed, index));
}

/** A scored candidate before its explanation is written. */
interface Weighed {
  entry: IndexedMuscle;
  score: number;
  evidence: CandidateEvidence;
}

function describe({ entry, score, evidence }: Weighed, index: ReferralIndex): SourceCandidate {
  return {
    muscleId: entry.muscle.id,
    name: entry.muscle.name,
    ...(evidence.side ? { side: evidence.side } : {}),
    score,
    matchedZones: evidence.matched.map(({ zone, side, relation }) => ({ zone, ...(side ? { side } : {}), relation })),
    why: writeSourceExplanation(evidence, index),
  };
}

function weighMarks(zones: readonly PainMark[], index: ReferralIndex): WeightedMark[] {
  const unknown = [...new Set(zones.map((mark) => mark.zone).filter((zone) => !index.referrersByZone.has(zone)))];
  if (unknown.length > 0) throw new UnknownZoneError(unknown);

  // The same area marked twice (e.g. a map merged from two visits) counts once, at its worst.
  const byKey = new Map<string, WeightedMark>();
  for (const mark of zones) {
    const midline = index.isMidline(mark.zone);
    const side = midline ? undefined : mark.side;
    const weight = intensityWeight(mark.intensity);
    const key = `${mark.zone}:${side ?? ''}`;
    const seen = byKey.get(key);
    if (!seen || seen.weight < weight) byKey.set(key, { zone: mark.zone, side, midline, weight });
  }
  return [...byKey.values()];
}

function intensityWeight(intensity: number | undefined): number {
  const value = intensity === undefined || !Number.isFinite(intensity) ? SOURCE_FINDER_WEIGHTS.defaultIntensity : intensity;
  // A mark at 0 still says the patient feels something there, so it keeps a fifth of the weight.
  return 0.2 + 0.8 * (Math.min(10, Math.max(0, value)) / 10);
}

function checkPalpation(findings: readonly PalpatedTriggerPoint[], index: ReferralIndex): PalpatedTriggerPoint[] {
  const unknown = [...new Set(findings.map((f) => f.muscleId).filter((id) => !index.muscleIndexById.has(id)))];
  if (unknown.length > 0) throw new UnknownMuscleError(unknown);
  return [...findings];
}

function sortSides(sides: readonly (Side | undefined)[]): Side[] {
  return (['left', 'right'] as const).filter((side) => sides.includes(side));
}

/**
 * Which sides to consider a muscle on. Referral is ipsilateral, so right-sided pain points to the
 * right-sided muscle; a muscle that refers to both sides (bilateralReferral) cannot be sided by
 * the pain map, only by palpation. Pain with no side at all gives one candidate with no side.
 */
function candidateSides(entry: IndexedMuscle, sidesInPlay: readonly Side[], findings: readonly PalpatedTriggerPoint[]): (Side | undefined)[] {
  const palpatedSides = sortSides(findings.map((finding) => finding.side));
  if (entry.muscle.bilateralReferral) return palpatedSides.length === 1 ? palpatedSides : [undefined];
  const sides = sortSides([...sidesInPlay, ...palpatedSides]);
  return sides.length > 0 ? sides : [undefined];
}

function weighEvidence(
  entry: IndexedMuscle,
  side: Side | undefined,
  marks: readonly WeightedMark[],
  findings: readonly PalpatedTriggerPoint[],
  index: ReferralIndex,
): Weighed | undefined {
  const bilateral = entry.muscle.bilateralReferral === true;
  const visible = marks.filter((mark) => bilateral || side === undefined || mark.side === undefined || mark.side === side);

  let total = 0;
  let explained = 0;
  let local = 0;
  const localZones: string[] = [];
  const matched: (MatchedZone & { midline: boolean })[] = [];
  for (const mark of visible) {
    const mass = mark.weight * (index.informationByZone.get(mark.zone) ?? 0);
    total += mass;
    if (entry.triggerPointZones.has(mark.zone)) {
      local += mass;
      localZones.push(mark.zone);
    }
    const relation = entry.primary.has(mark.zone) ? 'primary' : entry.spillover.has(mark.zone) ? 'spillover' : undefined;
    if (!relation) continue;
    explained += mass * (relation === 'primary' ? 1 : SPILLOVER_WEIGHT) * (entry.inexact.has(mark.zone) ? INEXACT_MATCH_WEIGHT : 1);
    matched.push({ zone: mark.zone, ...(mark.side ? { side: mark.side } : {}), relation, midline: mark.midline });
  }

  const finding = strongestFinding(findings.filter((f) => f.side === undefined || side === undefined || f.side === side));
  if (matched.length === 0 && !finding) return undefined;

  const { breadthPenalty, localPain, palpatedOnly } = SOURCE_FINDER_WEIGHTS;
  const coverage = total > 0 ? explained / total : 0;
  const localShare = total > 0 ? local / total : 0;
  // Distinct primary zones marked, over the size of the primary pattern (zones, not sides).
  const primaryZonesMarked = new Set(matched.filter((m) => m.relation === 'primary').map((m) => m.zone)).size;
  const specificity = entry.primaryBreadth > 0 ? Math.min(1, primaryZonesMarked / entry.primaryBreadth) : 0;
  const base = coverage * (1 - breadthPenalty + breadthPenalty * specificity) * (1 - localPain + localPain * localShare) * entry.prior;
  const bonus = finding ? palpationBonus(finding) : 0;
  const raw = matched.length > 0 ? base + (1 - base) * bonus : bonus * palpatedOnly;
  const score = Math.round(raw * 1000) / 1000;

  matched.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'primary' ? -1 : 1));
  const evidence: CandidateEvidence = {
    side,
    bilateral,
    matched,
    visibleMarks: visible.length,
    allMarksSided: visible.every((mark) => mark.side !== undefined),
    localZones: [...new Set(localZones)],
    ...(finding ? { finding } : {}),
  };
  return { entry, score, evidence };
}

function palpationBonus(finding: PalpatedTriggerPoint): number {
  const { palpation } = SOURCE_FINDER_WEIGHTS;
  if (finding.activity === 'active') return finding.reproducesFamiliarPain ? palpation.activeFamiliar : palpation.active;
  return finding.reproducesFamiliarPain ? palpation.latentFamiliar : palpation.latent;
}

function strongestFinding(findings: readonly PalpatedTriggerPoint[]): PalpatedTriggerPoint | undefined {
  let best: PalpatedTriggerPoint | undefined;
  for (const finding of findings) if (!best || palpationBonus(finding) > palpationBonus(best)) best = finding;
  return best;
}

// Code-unit order, not localeCompare: the same order on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
