import { rankSourceMuscles, searchMuscles, UnknownMuscleError, UnknownZoneError } from '@myomap/domain/clinical/rank-source-muscles';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import type { Muscle } from '@myomap/domain/knowledge/knowledge-schemas';
import type { BodyZoneOut, MuscleSummaryOut, SourceFinderIn, SourceFinderOut } from '@myomap/contract/knowledge/knowledge.schemas';
import { AppError } from '../lib/app-error.ts';

/** The body-zone vocabulary, every version (public contract: id, side, label). */
export function listBodyZones(): BodyZoneOut[] {
  return knowledgeBase.bodyZones.map((z) => ({
    id: z.id,
    side: !z.midline,
    label: z.label,
    midline: z.midline,
    views: z.views,
    region: z.region,
    ...(z.refines ? { refines: z.refines, sinceVersion: z.sinceVersion ?? 2 } : {}),
  }));
}

/**
 * The source finder. The public contract's `name` and `why` stay English strings; `label` and
 * `explanation` carry both languages in the one localised shape.
 */
export function findSourceMuscles(request: SourceFinderIn): SourceFinderOut {
  try {
    return {
      candidates: rankSourceMuscles(request).map(({ name, why, ...rest }) => ({
        ...rest,
        name: name.en,
        label: name,
        why: why.en,
        explanation: why,
      })),
    };
  } catch (error) {
    if (error instanceof UnknownZoneError) throw new AppError('unknown_zone', error.message, { zones: error.zones });
    if (error instanceof UnknownMuscleError) throw new AppError('validation_failed', error.message, { muscleIds: error.muscleIds });
    throw error;
  }
}

export function listMuscles(q: string): MuscleSummaryOut[] {
  const query = q.trim();
  return (query ? searchMuscles(query) : knowledgeBase.muscles).map((m) => {
    const triggerPointZone = m.triggerPoints[0]?.zone;
    return { id: m.id, name: m.name, aliases: m.aliases, region: m.region, ...(triggerPointZone ? { triggerPointZone } : {}) };
  });
}

export function findMuscle(id: string): Muscle {
  const muscle = knowledgeBase.muscles.find((m) => m.id === id);
  if (!muscle) throw new AppError('not_found', 'No such muscle.');
  return muscle;
}
