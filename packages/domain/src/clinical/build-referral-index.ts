import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Localized, Muscle } from '../knowledge/knowledge-schemas.ts';

/**
 * The knowledge base turned around for ranking: for each zone, which muscles refer pain to it
 * and how; for each muscle, how broad its pattern is. Built once per knowledge base and cached,
 * because a pain map is ranked on every keystroke of the body chart.
 */

export type Relation = 'primary' | 'spillover';

export interface IndexedMuscle {
  muscle: Muscle;
  /**
   * The essential pattern: referral.primary plus every trigger point's own primaryZones, widened
   * across the vocabulary's refinements (see matchRefinements). Empty when the muscle has no
   * referral map: it is then a candidate only through a palpation finding.
   */
  primary: ReadonlySet<string>;
  /** Spillover zones that are not also primary, widened the same way. */
  spillover: ReadonlySet<string>;
  /**
   * Refined zones (vocabulary v2) matched only because the pattern names the coarser zone they
   * refine: `heel` covers `achilles`, but less surely than a pattern that names `achilles`.
   */
  inexact: ReadonlySet<string>;
  /** How many distinct version-1 zones the essential pattern covers: the breadth of the pattern. */
  primaryBreadth: number;
  /** Zones over which the muscle's trigger points are palpated. */
  triggerPointZones: ReadonlySet<string>;
  /** The prevalence prior, 1 for the commonest sources (SOURCE_FINDER_PRIOR). */
  prior: number;
}

/**
 * A gentle prior for how often a muscle is the source (knowledge-base/source-finder/
 * muscle-prevalence.json): it multiplies the score, so it orders muscles whose patterns explain
 * the pain about equally and cannot lift a muscle whose pattern explains little. Small, rarely
 * reported or often absent muscles ('uncommon') give way to the usual ones, and the muscles that
 * prevalence studies find most often ('common') lead a tie. Measured on the vignettes in
 * bench/clinical-source-finder.ts.
 */
export const SOURCE_FINDER_PRIOR = { common: 1, usual: 0.92, uncommon: 0.8 } as const;

export interface ZoneReferrer {
  muscleIndex: number;
  relation: Relation;
}

export interface ReferralIndex {
  muscles: readonly IndexedMuscle[];
  muscleIndexById: ReadonlyMap<string, number>;
  /** Zone id → muscles that refer to it. Every known zone has an entry, maybe empty. */
  referrersByZone: ReadonlyMap<string, readonly ZoneReferrer[]>;
  /** Zone id → how much knowing this zone narrows the search (higher = rarer). */
  informationByZone: ReadonlyMap<string, number>;
  zoneLabel: (zoneId: string) => Localized;
  isMidline: (zoneId: string) => boolean;
}

/**
 * Spillover counts as part of a muscle's pattern, but less: Travell & Simons draw the essential
 * zone solid and the spillover zone stippled because the spillover is felt by fewer patients.
 */
export const SPILLOVER_WEIGHT = 0.4;

/**
 * A refined zone explained only through the coarser zone a pattern names counts this much of a
 * direct match, so the muscle whose source names the refined zone (tibialis posterior → achilles)
 * leads one whose pattern merely contains it (quadratus plantae → heel).
 */
export const INEXACT_MATCH_WEIGHT = 0.75;

const cache = new WeakMap<KnowledgeBase, ReferralIndex>();

/**
 * A pattern written in refined zones (vocabulary v2) still explains a mark on the coarser zone it
 * refines, and a pattern written in a coarse zone covers every refinement of it:
 *   scalenes → fingers_radial   explains a mark on `fingers` (a version-1 map);
 *   extensor_digitorum → fingers   explains a mark on `fingers_ulnar` or `fingers_radial`.
 * A mark on `fingers_ulnar` is NOT explained by scalenes: that is what the refinement is for.
 */
function matchRefinements(zones: ReadonlySet<string>, parentOf: ReadonlyMap<string, string>, childrenOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const widened = new Set(zones);
  for (const zone of zones) {
    const parent = parentOf.get(zone);
    if (parent) widened.add(parent);
    for (const child of childrenOf.get(zone) ?? []) widened.add(child);
  }
  return widened;
}

export function buildReferralIndex(kb: KnowledgeBase): ReferralIndex {
  const cached = cache.get(kb);
  if (cached) return cached;

  const parentOf = new Map(kb.bodyZones.flatMap((zone) => (zone.refines ? [[zone.id, zone.refines] as const] : [])));
  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of parentOf) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
  const prevalence = new Map((kb.musclePrevalence ?? []).map((entry) => [entry.muscleId, entry.prevalence]));

  const muscles: IndexedMuscle[] = kb.muscles.map((muscle) => {
    const mapped = muscle.referralMap === undefined;
    const declaredPrimary = new Set(mapped ? [...muscle.referral.primary, ...muscle.triggerPoints.flatMap((tp) => tp.primaryZones ?? [])] : []);
    const declaredSpillover = new Set(mapped ? muscle.referral.spillover.filter((zone) => !declaredPrimary.has(zone)) : []);
    const primary = matchRefinements(declaredPrimary, parentOf, childrenOf);
    const spillover = new Set([...matchRefinements(declaredSpillover, parentOf, childrenOf)].filter((zone) => !primary.has(zone)));
    const declared = new Set([...declaredPrimary, ...declaredSpillover]);
    const inexact = new Set([...primary, ...spillover].filter((zone) => parentOf.has(zone) && !declared.has(zone)));
    const primaryBreadth = new Set([...declaredPrimary].map((zone) => parentOf.get(zone) ?? zone)).size;
    const triggerPointZones = new Set(muscle.triggerPoints.map((tp) => tp.zone));
    const prior = SOURCE_FINDER_PRIOR[prevalence.get(muscle.id) ?? 'usual'];
    return { muscle, primary, spillover, inexact, primaryBreadth, triggerPointZones, prior };
  });

  const referrersByZone = new Map<string, ZoneReferrer[]>();
  for (const zone of kb.bodyZones) referrersByZone.set(zone.id, []);
  muscles.forEach((entry, muscleIndex) => {
    for (const zone of entry.primary) referrersByZone.get(zone)?.push({ muscleIndex, relation: 'primary' });
    for (const zone of entry.spillover) referrersByZone.get(zone)?.push({ muscleIndex, relation: 'spillover' });
  });

  // Like inverse document frequency: pain at a zone that few muscles refer to says more about
  // the source than pain at a zone that half the body refers to.
  const informationByZone = new Map<string, number>();
  const muscleCount = Math.max(muscles.length, 1);
  for (const [zone, referrers] of referrersByZone) {
    const spread = referrers.reduce((sum, ref) => sum + (ref.relation === 'primary' ? 1 : SPILLOVER_WEIGHT), 0);
    informationByZone.set(zone, Math.log(1 + muscleCount / (1 + spread)));
  }

  const zonesById = new Map(kb.bodyZones.map((zone) => [zone.id, zone]));
  const index: ReferralIndex = {
    muscles,
    muscleIndexById: new Map(muscles.map((entry, i) => [entry.muscle.id, i])),
    referrersByZone,
    informationByZone,
    zoneLabel: (zoneId) => {
      const fallback = zoneId.replaceAll('_', ' ');
      return zonesById.get(zoneId)?.label ?? { en: fallback, ar: fallback };
    },
    isMidline: (zoneId) => zonesById.get(zoneId)?.midline ?? false,
  };
  cache.set(kb, index);
  return index;
}
