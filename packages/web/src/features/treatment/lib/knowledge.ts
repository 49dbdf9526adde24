import type { BodyZoneDto, ClinicDto, MuscleDto, ProtocolDto, SelfCareDto, ServiceDto, Side, TechniqueDto } from '../api/treatment-api.ts';
import type { Language } from '../../../lib/i18n/language.ts';

/** Names and doses from the knowledge base, looked up by id in the reader's language. */
export interface Knowledge {
  clinic: ClinicDto;
  techniques: Map<string, TechniqueDto>;
  selfCare: Map<string, SelfCareDto>;
  protocols: Map<string, ProtocolDto>;
  muscles: Map<string, MuscleDto>;
  zones: Map<string, BodyZoneDto>;
  muscleList: MuscleDto[];
  techniqueList: TechniqueDto[];
  selfCareList: SelfCareDto[];
  zoneList: BodyZoneDto[];
  services: ServiceDto[];
}

/** The lists as the open /api routes return them, indexed by id for the pages. */
export function buildKnowledge(lists: {
  clinic: ClinicDto;
  techniques: TechniqueDto[];
  selfCare: SelfCareDto[];
  protocols: ProtocolDto[];
  muscles: MuscleDto[];
  zones: BodyZoneDto[];
  services: ServiceDto[];
}): Knowledge {
  const { clinic, techniques, selfCare, protocols, muscles, zones, services } = lists;
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
  return {
    clinic,
    techniques: byId(techniques),
    selfCare: byId(selfCare),
    protocols: byId(protocols),
    muscles: byId(muscles),
    zones: byId(zones),
    muscleList: muscles,
    techniqueList: techniques,
    selfCareList: selfCare,
    zoneList: zones,
    services,
  };
}

/** Readable names for ids; an unknown id is shown as written. */
export function namesFor(kb: Knowledge, language: Language, sideWords: Record<Side, string>) {
  const withSide = (name: string, side: Side | undefined) => (side ? `${name} (${sideWords[side]})` : name);
  return {
    muscle: (id: string, side?: Side) => withSide(kb.muscles.get(id)?.name[language] ?? id, side),
    technique: (id: string) => kb.techniques.get(id)?.name[language] ?? id,
    protocol: (id: string) => kb.protocols.get(id)?.name[language] ?? id,
    zone: (id: string, side?: Side) => withSide(kb.zones.get(id)?.label[language] ?? id, side),
    selfCare: (id: string) => kb.selfCare.get(id)?.title[language] ?? id,
    /** The dose as the plan has it; an unchanged default is shown in the reader's language. */
    dose: (selfCareId: string, dose: string) => {
      const item = kb.selfCare.get(selfCareId);
      return item && dose === item.defaultDose.en ? item.defaultDose[language] : dose;
    },
  };
}
