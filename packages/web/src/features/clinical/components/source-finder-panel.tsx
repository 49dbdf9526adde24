import type { PainMapEntry, TriggerPointFinding } from '@myomap/domain/clinical/assessment-schemas';
import { useEffect, useMemo, useState } from 'react';
import { clinicalApi, type ReasoningDto, type Side, type SourceCandidateDto } from '../api/clinical-api.ts';
import { useLabels, useLookup } from '../lib/clinical-lookup.tsx';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { useTranslation } from 'react-i18next';
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
  // Where a red flag stands, reasoning stops: ask first, and rank nothing while suspended.
  const [reasoning, setReasoning] = useState<ReasoningDto | undefined>(patientId ? undefined : { status: 'active' });
  useEffect(() => {
    if (!patientId) return;
    let live = true;
    clinicalApi.reasoning(patientId).then(
      (state) => live && setReasoning(state),
      () => live && setReasoning({ status: 'active' }),
    );
    return () => {
      live = false;
    };
  }, [patientId]);
  const suspended = reasoning?.status === 'suspended' ? reasoning : undefined;
  const { zoneLabel, muscleLabel } = useLabels();
  const { zoneById } = useLookup();
  const [state, setState] = useState<State>({ status: 'idle' });

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

  useEffect(() => {
    const body = JSON.parse(requestKey) as typeof request;
    if (!reasoning || reasoning.status === 'suspended' || (body.zones.length === 0 && body.palpatedTriggerPoints.length === 0)) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((previous) => ({ status: 'loading', candidates: 'candidates' in previous ? previous.candidates : [] }));
    clinicalApi
      .sourceFinder(body)
      .then((result) => live && setState({ status: 'ready', candidates: result.candidates }))
      .catch(() => live && setState({ status: 'error' }));
    return () => {
      live = false;
    };
  }, [requestKey, reasoning]);

  const candidates = 'candidates' in state ? state.candidates : [];
  const best = Math.max(0.001, ...candidates.map((candidate) => candidate.score));
  return (
    <section className="card source-finder" aria-labelledby="source-finder-title" aria-busy={state.status === 'loading'}>
      <header className="card__header">
        <h2 id="source-finder-title">{t('finder.title')}</h2>
        <span className="muted small" role="status">
          {state.status === 'loading' ? t('finder.updating') : state.status === 'ready' ? t('finder.count', { count: candidates.length }) : ''}
        </span>
      </header>
      <p className="muted small">{t('finder.hint')}</p>
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
      {!suspended && state.status === 'idle' && <p className="muted">{t('finder.empty')}</p>}
      {state.status === 'error' && <p className="error">{t('finder.error')}</p>}
      {state.status === 'ready' && candidates.length === 0 && <p className="muted">{t('finder.none')}</p>}
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
              <button type="button" className="link-button" onClick={() => onRecord(candidate.muscleId, candidate.side)}>
                {t('finder.record', { muscle: muscleLabel(candidate.muscleId, candidate.side) })}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
