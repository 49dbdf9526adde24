import type { PainMapEntry, TriggerPointFinding } from '@myomap/domain/clinical/assessment-schemas';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type ReasoningDto, type Side, type SourceCandidateDto } from '../api/clinical-api.ts';
import { reasoningQuery, sourceFinderQuery } from '../api/clinical-queries.ts';
import { useLabels, useLookup } from '../lib/clinical-lookup.tsx';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';

type State =
  { status: 'idle' } | { status: 'loading'; candidates: SourceCandidateDto[] } | { status: 'ready'; candidates: SourceCandidateDto[] } | { status: 'error' };

/**
 * The live source finder: which muscles' referral patterns explain the pain map, re-asked
 * (debounced) whenever the pain map or the palpated trigger points change.
 */
export function SourceFinderPanel({
  painMap,
  triggerPoints,
  onRecord,
  patientId,
}: {
  painMap: PainMapEntry[];
  triggerPoints: TriggerPointFinding[];
  onRecord: (muscleId: string, side: Side | undefined) => void;
  patientId?: string;
}) {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  const errorText = useErrorText();
  // Where a red flag stands, reasoning stops: ask first, and rank nothing while suspended. If the
  // question fails, the finder runs (the server refuses a plan while suspended either way).
  const reasoningAnswer = useQuery({ ...reasoningQuery(patientId ?? ''), enabled: patientId !== undefined });
  const reasoning: ReasoningDto | undefined = !patientId || reasoningAnswer.isError ? { status: 'active' } : reasoningAnswer.data;
  const suspended = reasoning?.status === 'suspended' ? reasoning : undefined;
  const { zoneLabel, muscleLabel } = useLabels();
  const { zoneById } = useLookup();

  const request = useMemo(
    () => ({
      zones: painMap.filter((mark) => zoneById.has(mark.zone)).map(({ zone, side, intensity }) => ({ zone, ...(side ? { side } : {}), intensity })),
      palpatedTriggerPoints: triggerPoints.map(({ muscleId, side, activity, reproducesFamiliarPain }) => ({
        muscleId,
        ...(side ? { side } : {}),
        activity,
        reproducesFamiliarPain,
      })),
    }),
    [painMap, triggerPoints, zoneById],
  );
  const requestKey = useDebouncedValue(JSON.stringify(request), 250);
  const body = useMemo(() => JSON.parse(requestKey) as typeof request, [requestKey]);
  const asking = reasoning?.status === 'active' && (body.zones.length > 0 || body.palpatedTriggerPoints.length > 0);
  const ranking = useQuery({ ...sourceFinderQuery(body), enabled: asking });
  // While the next ranking loads, the last one stays on screen (placeholder data).
  const state: State = !asking
    ? { status: 'idle' }
    : ranking.isError
      ? { status: 'error' }
      : ranking.isFetching || !ranking.data
        ? { status: 'loading', candidates: ranking.data?.candidates ?? [] }
        : { status: 'ready', candidates: ranking.data.candidates };

  const candidates = 'candidates' in state ? state.candidates : [];
  const best = Math.max(0.001, ...candidates.map((candidate) => candidate.score));
  return (
    <section className="card source-finder" aria-labelledby="source-finder-title" aria-busy={state.status === 'loading'}>
      <header className="card__header">
        <h2 id="source-finder-title">{t('finder.title')}</h2>
        <MutedText as="span" size="sm" role="status">
          {state.status === 'loading' ? t('finder.updating') : state.status === 'ready' ? t('finder.count', { count: candidates.length }) : ''}
        </MutedText>
      </header>
      <MutedText size="sm">{t('finder.hint')}</MutedText>
      {suspended ? (
        <div className="finder-suspended" role="alert" data-reasoning="suspended">
          <strong>{t('finder.suspended')}</strong>
          <p>{suspended.reason[language] || suspended.reason.en}</p>
          {suspended.redFlags.length > 0 ? (
            <ul>
              {suspended.redFlags.map((flag) => (
                <li key={flag.id}>{flag.name[language] || flag.name.en}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {!suspended && state.status === 'idle' && <MutedText>{t('finder.empty')}</MutedText>}
      {state.status === 'error' && (
        <Alert tone="error">
          {t('finder.error')} {errorText(ranking.error)}
        </Alert>
      )}
      {state.status === 'ready' && candidates.length === 0 && <MutedText>{t('finder.none')}</MutedText>}
      <ol className="candidates">
        {candidates.map((candidate) => {
          const name = candidate.label[language];
          const why = candidate.explanation[language];
          return (
            <li key={`${candidate.muscleId}:${candidate.side ?? ''}`} className="candidate" data-muscle={candidate.muscleId} data-side={candidate.side ?? ''}>
              <div className="candidate__head">
                <strong className="candidate__name">{candidate.side ? t('withSide', { label: name, side: t(`side.${candidate.side}`) }) : name}</strong>
                <span className="candidate__score" dir="ltr">
                  {Math.round(candidate.score * 100)}%
                </span>
              </div>
              <div className="score-bar" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={candidate.score} aria-label={t('finder.score')}>
                <span style={{ inlineSize: `${Math.max(2, (candidate.score / best) * 100)}%` }} />
              </div>
              {candidate.matchedZones.length > 0 && (
                <ul className="candidate__zones">
                  {candidate.matchedZones.map((match) => (
                    <li key={`${match.zone}:${match.side ?? ''}`} className={`tag tag--${match.relation}`}>
                      {zoneLabel(match.zone, match.side)} · {t(`finder.relation.${match.relation}`)}
                    </li>
                  ))}
                </ul>
              )}
              <p className="candidate__why">{why}</p>
              <Button variant="ghost" size="sm" onClick={() => onRecord(candidate.muscleId, candidate.side)}>
                {t('finder.record', { muscle: muscleLabel(candidate.muscleId, candidate.side) })}
              </Button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
