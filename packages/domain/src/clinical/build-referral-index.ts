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
  /** The essential pattern: referral.primary plus every trigger point's own primaryZones. */
  primary: ReadonlySet<string>;
  /** Spillover zones that are not also primary. */
  spillover: ReadonlySet<string>;
  /** Zones over which the muscle's trigger points are palpated. */
  triggerPointZones: ReadonlySet<string>;
}

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

const cache = new WeakMap<KnowledgeBase, ReferralIndex>();

export function buildReferralIndex(kb: KnowledgeBase): ReferralIndex {
  const cached = cache.get(kb);
  if (cached) return cached;

  const muscles: IndexedMuscle[] = kb.muscles.map((muscle) => {
    const primary = new Set([
      ...muscle.referral.primary,
      ...muscle.triggerPoints.flatMap((tp) => tp.primaryZones ?? []),
    ]);
    const spillover = new Set(muscle.referral.spillover.filter((zone) => !primary.has(zone)));
    const triggerPointZones = new Set(muscle.triggerPoints.map((tp) => tp.zone));
    return { muscle, primary, spillover, triggerPointZones };
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
