import type { ProblemListKnowledge } from '@myomap/domain/clinical/derive-problem-list-with';
import { regions } from '@myomap/domain/knowledge/regions';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { BodyZonesProvider } from '../../../components/body-chart/body-zones.tsx';
import type { BodyZoneDto, MuscleDto, Side } from '../api/clinical-api.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

interface ClinicalLookup {
  zones: BodyZoneDto[];
  zoneById: ReadonlyMap<string, BodyZoneDto>;
  muscleById: ReadonlyMap<string, MuscleDto>;
}

const LookupContext = createContext<ClinicalLookup>({ zones: [], zoneById: new Map(), muscleById: new Map() });

export function ClinicalLookupProvider({ zones, muscles, children }: { zones: BodyZoneDto[]; muscles: MuscleDto[]; children: ReactNode }) {
  const value = useMemo(
    () => ({ zones, zoneById: new Map(zones.map((zone) => [zone.id, zone])), muscleById: new Map(muscles.map((muscle) => [muscle.id, muscle])) }),
    [zones, muscles],
  );
  return (
    <LookupContext.Provider value={value}>
      <BodyZonesProvider zones={zones}>{children}</BodyZonesProvider>
    </LookupContext.Provider>
  );
}

export function useLookup(): ClinicalLookup {
  return useContext(LookupContext);
}

/**
 * What the problem list needs (domain/clinical/derive-problem-list-with.ts), from the zones and muscles
 * the API sent and the small regions file: the page never downloads the knowledge base.
 */
export function useProblemListKnowledge(): ProblemListKnowledge {
  const { zones, muscleById } = useLookup();
  return useMemo(
    () => ({
      bodyZones: zones,
      muscles: [...muscleById.values()].map((muscle) => ({
        id: muscle.id,
        region: muscle.region,
        triggerPoints: muscle.triggerPointZone ? [{ zone: muscle.triggerPointZone }] : [],
      })),
      regions,
    }),
    [zones, muscleById],
  );
}

/** Zone and muscle names from the API in the current language, with the side when there is one. */
export function useLabels() {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  const { zoneById, muscleById } = useLookup();
  return useMemo(() => {
    const sideLabel = (side: Side | undefined) => (side ? t(`side.${side}`) : '');
    const withSide = (label: string, side: Side | undefined) => (side ? t('withSide', { label, side: sideLabel(side) }) : label);
    const zoneName = (zone: string) => zoneById.get(zone)?.label[language] ?? zone.replace(/_/g, ' ');
    const muscleName = (id: string) => muscleById.get(id)?.name[language] ?? id.replace(/_/g, ' ');
    return {
      sideLabel,
      withSide,
      zoneName,
      muscleName,
      zoneLabel: (zone: string, side?: Side) => withSide(zoneName(zone), side),
      muscleLabel: (id: string, side?: Side) => withSide(muscleName(id), side),
    };
  }, [t, language, zoneById, muscleById]);
}

/** The pain colour scale, shared with the body chart. */
export { intensityColor } from '../../../components/body-chart/body-zones.tsx';
