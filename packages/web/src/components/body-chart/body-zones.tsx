import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/i18n/language.ts';

export type Side = 'left' | 'right';

/** A body zone as GET /api/body-zones returns it. */
export interface BodyZone {
  id: string;
  /** true when the zone is recorded once per side. */
  side: boolean;
  label: { en: string; ar: string };
  views: string[];
  midline: boolean;
  region: string;
}

const ZonesContext = createContext<ReadonlyMap<string, BodyZone>>(new Map());

/** The zones whose names the chart, the pain map and useZoneLabels() show. */
export function BodyZonesProvider({ zones, children }: { zones: BodyZone[]; children: ReactNode }) {
  const zoneById = useMemo(() => new Map(zones.map((zone) => [zone.id, zone])), [zones]);
  return <ZonesContext value={zoneById}>{children}</ZonesContext>;
}

/** Zone names from the API in the current language, with the side when there is one. */
export function useZoneLabels() {
  const { t } = useTranslation('bodyChart');
  const language = useLanguage();
  const zoneById = useContext(ZonesContext);
  return useMemo(() => {
    const sideLabel = (side: Side | undefined) => (side ? t(`side.${side}`) : '');
    const withSide = (label: string, side: Side | undefined) => (side ? t('withSide', { label, side: sideLabel(side) }) : label);
    const zoneName = (zone: string) => zoneById.get(zone)?.label[language] ?? zone.replace(/_/g, ' ');
    return { zoneName, zoneLabel: (zone: string, side?: Side) => withSide(zoneName(zone), side) };
  }, [t, language, zoneById]);
}

/** Pale amber at 0 to deep red at 10: more pain, warmer and darker. */
export function intensityColor(intensity: number): string {
  const t = Math.min(10, Math.max(0, intensity)) / 10;
  const hue = 48 - 46 * t;
  const lightness = 78 - 36 * t;
  return `hsl(${hue.toFixed(0)} 85% ${lightness.toFixed(0)}%)`;
}
