import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { bodyZonesQuery } from '../api/intake-queries.ts';
// The shared body chart, as the clinical assessment and the session note use it.
import { BodyChart } from '../../../components/body-chart/body-chart.tsx';
import { BodyZonesProvider, useZoneLabels, type BodyZone as BodyZoneDto, type Side } from '../../../components/body-chart/body-zones.tsx';
import { PainMapEditor } from '../../../components/body-chart/pain-map-editor.tsx';

/**
 * The two body-chart questions. `pain-map` answers are JSON [{zone, side?, intensity}] and
 * `body-zones` answers JSON [{zone, side?}] (see the questionnaire's header note).
 */

interface ZoneMark {
  zone: string;
  side?: Side;
  intensity: number;
}

const DEFAULT_INTENSITY = 5;
// Body-zone answers carry no intensity; the chart needs one to colour the area, so a light one.
const ZONE_ONLY_INTENSITY = 2;

/** Reads the JSON answer leniently: unreadable entries are dropped rather than losing the rest. */
function parseMarks(value: IntakeAnswerValue | undefined): ZoneMark[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: unknown): ZoneMark[] => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { zone, side, intensity } = entry as Record<string, unknown>;
      if (typeof zone !== 'string') return [];
      const mark: ZoneMark = { zone, intensity: typeof intensity === 'number' ? intensity : ZONE_ONLY_INTENSITY };
      if (side === 'left' || side === 'right') mark.side = side;
      return [mark];
    });
  } catch {
    return [];
  }
}

const sameZone = (mark: ZoneMark, zone: string, side: Side | undefined) => mark.zone === zone && mark.side === side;

interface ChartQuestionProps {
  id: string;
  linkId: string;
  legend: ReactNode;
  required: boolean;
  missing: boolean;
  value: IntakeAnswerValue | undefined;
  onChange(value: IntakeAnswerValue | undefined): void;
}

function ChartQuestion({
  id,
  linkId,
  legend,
  missing,
  hint,
  children,
}: Omit<ChartQuestionProps, 'value' | 'onChange'> & { hint: string; children: (zones: BodyZoneDto[]) => ReactNode }) {
  const { t } = useTranslation(['intake', 'common']);
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const zonesAnswer = useQuery(bodyZonesQuery);
  const zones = zonesAnswer.data;
  return (
    <fieldset id={id} data-link-id={linkId} className={`ik-question ik-chart${missing ? ' ik-question--missing' : ''}`}>
      <legend className="ik-question__label">{legend}</legend>
      <p className="ik-hint">{hint}</p>
      {zonesAnswer.isError ? (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" onClick={() => void zonesAnswer.refetch()}>
              {t('common:actions.retry')}
            </Button>
          }
        >
          {errorText(zonesAnswer.error)}
        </Alert>
      ) : zones ? (
        <BodyZonesProvider zones={zones}>{children(zones)}</BodyZonesProvider>
      ) : (
        <LoadingState label={tc('loading')} />
      )}
    </fieldset>
  );
}

export function PainMapField({ value, onChange, ...question }: ChartQuestionProps) {
  const { t } = useTranslation('intake');
  const marks = parseMarks(value);
  const commit = (next: ZoneMark[]) => onChange(next.length > 0 ? JSON.stringify(next) : undefined);
  const toggle = (zone: string, side: Side | undefined) =>
    commit(
      marks.some((m) => sameZone(m, zone, side))
        ? marks.filter((m) => !sameZone(m, zone, side))
        : [...marks, { zone, ...(side ? { side } : {}), intensity: DEFAULT_INTENSITY }],
    );
  return (
    <ChartQuestion {...question} hint={t('painMap.hint')}>
      {(zones) => (
        <div className="ik-chart__layout">
          <BodyChart zones={zones} marks={marks} onToggle={toggle} />
          <div className="ik-chart__list">
            <PainMapEditor painMap={marks} onChange={commit} />
          </div>
        </div>
      )}
    </ChartQuestion>
  );
}

export function BodyZonesField({ value, onChange, ...question }: ChartQuestionProps) {
  const { t } = useTranslation('intake');
  const marks = parseMarks(value);
  const commit = (next: ZoneMark[]) => onChange(next.length > 0 ? JSON.stringify(next.map(({ zone, side }) => (side ? { zone, side } : { zone }))) : undefined);
  const toggle = (zone: string, side: Side | undefined) =>
    commit(
      marks.some((m) => sameZone(m, zone, side))
        ? marks.filter((m) => !sameZone(m, zone, side))
        : [...marks, { zone, ...(side ? { side } : {}), intensity: ZONE_ONLY_INTENSITY }],
    );
  return (
    <ChartQuestion {...question} hint={t('bodyZones.hint')}>
      {(zones) => (
        <div className="ik-chart__layout">
          <BodyChart zones={zones} marks={marks} onToggle={toggle} />
          <MarkedZones marks={marks} onRemove={(mark) => toggle(mark.zone, mark.side)} />
        </div>
      )}
    </ChartQuestion>
  );
}

function MarkedZones({ marks, onRemove }: { marks: ZoneMark[]; onRemove(mark: ZoneMark): void }) {
  const { t } = useTranslation('intake');
  const { zoneLabel } = useZoneLabels();
  return (
    <div className="ik-chart__list">
      <p className="ik-chart__list-title">{t('bodyZones.marked')}</p>
      {marks.length === 0 ? (
        <p className="ik-hint">{t('bodyZones.none')}</p>
      ) : (
        <ul className="ik-zone-chips">
          {marks.map((mark) => {
            const label = zoneLabel(mark.zone, mark.side);
            return (
              <li key={`${mark.zone}:${mark.side ?? ''}`} className="ik-zone-chip">
                <span>{label}</span>
                <button type="button" onClick={() => onRemove(mark)} aria-label={t('bodyZones.remove', { item: label })}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
