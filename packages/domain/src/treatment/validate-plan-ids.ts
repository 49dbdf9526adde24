import type { PlanData } from './treatment-schemas.ts';

/** The knowledge-base ids a plan may name, one set per kind (the server builds them once). */
export interface KnownPlanIds {
  protocols: ReadonlySet<string>;
  muscles: ReadonlySet<string>;
  techniques: ReadonlySet<string>;
  selfCare: ReadonlySet<string>;
}

/**
 * The ids in a plan that the knowledge base does not know, each once, in the order met:
 * protocols, target muscles, their techniques, home-program items. The schema checks each id's
 * form; only the knowledge base says whether it names something real. Empty means valid.
 */
export function findUnknownPlanIds(data: Pick<PlanData, 'protocolIds' | 'targets' | 'homeProgram'>, known: KnownPlanIds): string[] {
  const unknown = [
    ...data.protocolIds.filter((id) => !known.protocols.has(id)),
    ...data.targets.filter((t) => !known.muscles.has(t.muscleId)).map((t) => t.muscleId),
    ...data.targets.flatMap((t) => t.techniques.filter((d) => !known.techniques.has(d.techniqueId)).map((d) => d.techniqueId)),
    ...data.homeProgram.filter((h) => !known.selfCare.has(h.selfCareId)).map((h) => h.selfCareId),
  ];
  return [...new Set(unknown)];
}
