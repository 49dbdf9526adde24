import { can } from '@myomap/domain/access/permissions';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import type { EpisodeProgressOut, InstrumentOut } from '../api/outcomes-api.ts';
import { episodeQuery, techniquesQuery } from '../api/outcomes-queries.ts';
import { formatNumber } from '../lib/format-figures.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { axisEnd, shapeProgressCharts } from '../lib/shape-progress-chart.ts';
import { DischargeForm } from './discharge-form.tsx';
import { DueMeasures } from './due-measures.tsx';
import { GoalList } from './goal-list.tsx';
import { MeasureForm } from './measure-form.tsx';

// The charting library (recharts, about 120 KB gzipped) comes with the first chart, not with the page.
const ProgressChart = lazy(() => import('./progress-chart.tsx').then((m) => ({ default: m.ProgressChart })));

/** The re-assessment prompt first and loud; the other states as a quiet line (check-progress.ts). */
function ProgressStatus({ progress }: { progress: EpisodeProgressOut['progress'] }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const weeks = formatNumber(progress.weeks, language);
  switch (progress.status) {
    case 'reassess':
      return (
        <div role="alert" className="oc-reassess">
          <Alert tone="warning" title={t('progress.reassessTitle')}>
            {t('progress.reassess', { weeks })}
          </Alert>
        </div>
      );
    case 'improving':
      return <Alert tone="success">{t('progress.improving')}</Alert>;
    case 'too_early':
      return <p className="oc-muted">{t('progress.tooEarly', { weeks })}</p>;
    case 'no_follow_up':
      return <p className="oc-muted">{t('progress.noFollowUp')}</p>;
    case 'no_baseline':
      return <p className="oc-muted">{t('progress.noBaseline')}</p>;
  }
}

/** One episode's progress: the prompt, the goals, a chart per measure on one time axis, and (while open) entry and discharge. */
export function EpisodeProgress({ episodeId, instruments }: { episodeId: string; instruments: readonly InstrumentOut[] }) {
  const { t } = useTranslation(['outcomes', 'common']);
  const errorText = useErrorText();
  const user = useStaffUser();
  const query = useQuery(episodeQuery(episodeId));
  const techniques = useQuery(techniquesQuery);
  if (query.isPending) return <LoadingState label={t('common:loading')} />;
  if (query.isError) return <Alert tone="error">{errorText(query.error)}</Alert>;
  const progress = query.data;
  const charts = shapeProgressCharts(progress, instruments);
  const end = axisEnd(progress);
  const open = progress.episode.status === 'open' && progress.effectiveStatus === 'open';
  const canRecord = open && can(user.role, 'outcomes.record');
  return (
    <div className="oc-progress" data-episode-id={episodeId}>
      <ProgressStatus progress={progress.progress} />
      <section className="oc-section" aria-labelledby={`goals-${episodeId}`}>
        <h4 id={`goals-${episodeId}`} className="oc-subheading">
          {t('progress.goals')}
        </h4>
        <GoalList goals={progress.goals} />
      </section>
      <section className="oc-section" aria-labelledby={`charts-${episodeId}`}>
        <h4 id={`charts-${episodeId}`} className="oc-subheading">
          {t('progress.title')}
        </h4>
        {charts.length === 0 ? <p className="oc-muted">{t('progress.noMeasures')}</p> : null}
        <Suspense fallback={<LoadingState label={t('progress.loadingChart')} />}>
          {charts.map((chart) => {
            const instrument = instruments.find((candidate) => candidate.id === chart.instrumentId);
            return instrument ? (
              <ProgressChart
                key={chart.instrumentId}
                chart={chart}
                instrument={instrument}
                startedOn={progress.episode.startedOn}
                axisEnd={end}
                techniques={techniques.data ?? []}
                syncId={`episode-${episodeId}`}
              />
            ) : null;
          })}
        </Suspense>
      </section>
      {canRecord ? (
        <>
          <section className="oc-section" aria-labelledby={`due-${episodeId}`}>
            <h4 id={`due-${episodeId}`} className="oc-subheading">
              {t('due.title')}
            </h4>
            <DueMeasures progress={progress} instruments={instruments} />
          </section>
          <section className="oc-section" aria-labelledby={`measure-${episodeId}`}>
            <h4 id={`measure-${episodeId}`} className="oc-subheading">
              {t('measure.title')}
            </h4>
            <MeasureForm progress={progress} instruments={instruments} />
          </section>
          <section className="oc-section" aria-labelledby={`discharge-${episodeId}`}>
            <h4 id={`discharge-${episodeId}`} className="oc-subheading">
              {t('discharge.title')}
            </h4>
            <DischargeForm episodeId={episodeId} patientId={progress.episode.patientId} />
          </section>
        </>
      ) : null}
    </div>
  );
}
