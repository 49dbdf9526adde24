import type { PainMapEntry } from '@myomap/domain/clinical/assessment-schemas';
import './body-chart.css';
import { intensityColor, useZoneLabels } from './body-zones.tsx';
import { useTranslation } from 'react-i18next';

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The marked zones, each with its 0-10 intensity (NPRS) and a way to remove it. */
export function PainMapEditor({ painMap, onChange }: { painMap: PainMapEntry[]; onChange: (painMap: PainMapEntry[]) => void }) {
  const { t } = useTranslation(['bodyChart', 'common']);
  const { zoneLabel } = useZoneLabels();
  if (painMap.length === 0) return <p className="muted pain-map__empty">{t('painMap.empty')}</p>;
  const setIntensity = (index: number, intensity: number) => onChange(painMap.map((mark, i) => (i === index ? { ...mark, intensity } : mark)));
  return (
    <ul className="pain-map">
      {painMap.map((mark, index) => {
        const label = zoneLabel(mark.zone, mark.side);
        return (
          <li key={`${mark.zone}:${mark.side ?? ''}`} className="pain-map__row" data-zone={mark.zone} data-side={mark.side ?? ''}>
            <span className="pain-map__swatch" style={{ background: intensityColor(mark.intensity) }} aria-hidden="true" />
            <fieldset className="intensity">
              <legend>{label}</legend>
              <div className="intensity__levels" dir="ltr">
                {LEVELS.map((level) => (
                  <label key={level} className="intensity__level" style={mark.intensity === level ? { background: intensityColor(level) } : undefined}>
                    <input
                      type="radio"
                      name={`intensity-${mark.zone}-${mark.side ?? 'mid'}`}
                      value={level}
                      checked={mark.intensity === level}
                      onChange={() => setIntensity(index, level)}
                      aria-label={t('painMap.intensityOf', { label, level })}
                    />
                    <span aria-hidden="true">{level}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <button
              type="button"
              className="icon-button pain-map__remove"
              onClick={() => onChange(painMap.filter((_, i) => i !== index))}
              aria-label={t('common:actions.removeItem', { item: label })}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
