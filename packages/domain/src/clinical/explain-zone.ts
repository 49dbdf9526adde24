import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Localized } from '../knowledge/knowledge-schemas.ts';
import { buildReferralIndex, type Relation } from './build-referral-index.ts';
import { UnknownZoneError } from './source-finder-types.ts';

export interface ZoneExplanation {
  zone: string;
  label: Localized;
  midline: boolean;
  /** Muscles that refer pain to this zone: primary referrers first, then spillover; by name within. */
  muscles: { muscleId: string; name: Localized; relation: Relation }[];
}

/** For the body chart's tooltip: which muscles can cause pain felt here. */
export function explainZone(zoneId: string, kb: KnowledgeBase = bundledKnowledgeBase): ZoneExplanation {
  const index = buildReferralIndex(kb);
  const referrers = index.referrersByZone.get(zoneId);
  if (!referrers) throw new UnknownZoneError([zoneId]);
  const muscles = referrers.flatMap((ref) => {
    const entry = index.muscles[ref.muscleIndex];
    return entry ? [{ muscleId: entry.muscle.id, name: entry.muscle.name, relation: ref.relation }] : [];
  });
  muscles.sort(
    (a, b) =>
      (a.relation === b.relation ? 0 : a.relation === 'primary' ? -1 : 1) ||
      (a.name.en < b.name.en ? -1 : a.name.en > b.name.en ? 1 : 0) ||
      (a.muscleId < b.muscleId ? -1 : 1),
  );
  return { zone: zoneId, label: index.zoneLabel(zoneId), midline: index.isMidline(zoneId), muscles };
}
