import { AuthoredText } from '../../../components/ui/authored-text.tsx';
import '../outcomes.css';
import { can } from '@myomap/domain/access/permissions';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Tag, type TagTone } from '../../../components/ui/tag.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import type { EpisodeOut, InstrumentOut } from '../api/outcomes-api.ts';
import { episodesQuery, instrumentsQuery, patientQuery, protocolsQuery } from '../api/outcomes-queries.ts';
import { EpisodeProgress } from '../components/episode-progress.tsx';
import { OpenEpisodeForm } from '../components/open-episode-form.tsx';

const STATUS_TONES: Record<EpisodeOut['status'], TagTone> = { open: 'primary', discharged: 'neutral', dropped_out: 'warning' };

/** /staff/patients/:id/outcomes — the patient's episodes of care, open and ended, each with its progress. */
export function PatientOutcomesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['outcomes', 'common']);
  const errorText = useErrorText();
  const user = useStaffUser();
  const patient = useQuery(patientQuery(id));
  const episodes = useQuery(episodesQuery(id));
  const instruments = useQuery(instrumentsQuery);
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<ReadonlySet<string>>();
  const name = patient.data?.name;

  useEffect(() => {
    document.title = name ? t('patient.title', { name }) : t('patient.eyebrow');
  }, [t, name]);

  const failed = patient.error ?? episodes.error ?? instruments.error;
  if (failed) {
    return <Alert tone="error">{failed instanceof ApiError && failed.code === 'not_found' ? t('notFound') : errorText(failed)}</Alert>;
  }
  if (!patient.data || !episodes.data || !instruments.data) return <LoadingState label={t('common:loading')} />;

  // Open episodes show their progress until the reader hides it; ended ones start folded.
  const visible = shown ?? new Set(episodes.data.filter((episode) => episode.status === 'open').map((episode) => episode.id));
  const toggle = (episodeId: string) => {
    const next = new Set(visible);
    if (next.has(episodeId)) next.delete(episodeId);
    else next.add(episodeId);
    setShown(next);
  };
  const canOpen = can(user.role, 'outcomes.record');

  return (
    <section className="oc-page">
      <PageHeader
        eyebrow={t('patient.eyebrow')}
        title={patient.data.name}
        actions={
          <div className="oc-header-actions">
            <Link to={`/staff/patients/${encodeURIComponent(id)}`}>{t('patient.back')}</Link>
            {canOpen && !opening ? <Button onClick={() => setOpening(true)}>{t('patient.open')}</Button> : null}
          </div>
        }
      />
      {opening ? (
        <Card as="section" className="oc-card" aria-labelledby="oc-open-title">
          <h2 id="oc-open-title" className="oc-card__title">
            {t('openForm.title')}
          </h2>
          <OpenEpisodeForm
            patientId={id}
            onOpened={(episode) => {
              setOpening(false);
              setShown(new Set([...visible, episode.id]));
            }}
          />
          <div className="oc-actions">
            <Button variant="ghost" onClick={() => setOpening(false)}>
              {t('common:actions.cancel')}
            </Button>
          </div>
        </Card>
      ) : null}
      <h2 className="oc-heading">{t('patient.episodes')}</h2>
      {episodes.data.length === 0 ? <EmptyState>{t('patient.none')}</EmptyState> : null}
      {episodes.data.map((episode) => (
        <EpisodeCard key={episode.id} episode={episode} instruments={instruments.data} expanded={visible.has(episode.id)} onToggle={() => toggle(episode.id)} />
      ))}
    </section>
  );
}

function EpisodeCard({
  episode,
  instruments,
  expanded,
  onToggle,
}: {
  episode: EpisodeOut;
  instruments: readonly InstrumentOut[];
  expanded: boolean;
  onToggle(): void;
}) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const protocols = useQuery(protocolsQuery);
  const region = protocols.data?.find((protocol) => protocol.id === episode.region)?.name[language] ?? episode.region;
  const primary = instruments.find((instrument) => instrument.id === episode.primaryInstrumentId)?.name[language] ?? episode.primaryInstrumentId;
  const panel = `oc-episode-${episode.id}`;
  return (
    <Card as="article" className="oc-card oc-episode" data-episode-status={episode.status} aria-labelledby={`${panel}-title`}>
      <header className="oc-episode__header">
        <div>
          <h3 id={`${panel}-title`} className="oc-card__title">
            <AuthoredText text={episode.complaint} /> <span className="oc-muted">· {region}</span>
          </h3>
          <p className="oc-episode__meta">
            <Tag tone={STATUS_TONES[episode.status]}>{t(`status.${episode.status}`)}</Tag>{' '}
            {episode.dischargeReason ? <Tag>{t(`reasons.${episode.dischargeReason}`)}</Tag> : null}{' '}
            <span>{t('patient.started', { date: formatDay(episode.startedOn, language, 'short') })}</span>
            {episode.endedOn ? <span> · {t('patient.ended', { date: formatDay(episode.endedOn, language, 'short') })}</span> : null}
            <span> · {t('patient.primary', { name: primary })}</span>
          </p>
        </div>
        <Button variant="secondary" size="sm" aria-expanded={expanded} aria-controls={panel} onClick={onToggle}>
          {expanded ? t('patient.hide') : t('patient.show')}
        </Button>
      </header>
      <div id={panel} hidden={!expanded}>
        {expanded ? <EpisodeProgress episodeId={episode.id} instruments={instruments} /> : null}
      </div>
    </Card>
  );
}
