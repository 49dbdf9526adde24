import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MixedDirectionText } from '../../../components/ui/mixed-direction-text.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { createMeasuresLink, portalProgressQuery, type PortalProgressOut } from '../api/portal-api.ts';
import { ScoreChart } from './score-chart.tsx';

type Measure = PortalProgressOut['measures'][number];
type HomeProgram = NonNullable<PortalProgressOut['homeProgram']>;

/** The approved plan's home program: the plan's own items and dose, the knowledge base's instructions and cautions. */
function HomeProgramCard({ program }: { program: HomeProgram | null }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const timeZone = useClinicTimeZone();
  const pick = (text: { en: string; ar: string }) => (language === 'ar' ? text.ar || text.en : text.en);
  return (
    <Card as="section" aria-labelledby="home-title" className="pt-section">
      <h3 id="home-title">{t('progress.home.title')}</h3>
      {program === null ? (
        <MutedText>{t('progress.home.none')}</MutedText>
      ) : program.items.length === 0 ? (
        <MutedText>{t('progress.home.empty')}</MutedText>
      ) : (
        <>
          <MutedText size="sm">{t('progress.home.since', { date: formatInstant(program.approvedAt, timeZone, language, 'day') })}</MutedText>
          <ul className="pt-list">
            {program.items.map((item) => (
              <li key={item.id}>
                <article aria-labelledby={`home-${item.id}`}>
                  <h4 id={`home-${item.id}`}>{pick(item.title)}</h4>
                  <p>{pick(item.instructions)}</p>
                  <p>
                    <strong>{t('progress.home.dose')}</strong> <MixedDirectionText text={item.dose.trim() || pick(item.defaultDose)} />
                  </p>
                  {item.cautions.length > 0 ? (
                    <ul aria-label={t('progress.home.cautions')}>
                      {item.cautions.map((c) => (
                        <li key={c.en}>{pick(c)}</li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
          <MutedText size="sm">{t('progress.home.stop')}</MutedText>
        </>
      )}
    </Card>
  );
}

function MeasureCard({ measure }: { measure: Measure }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const name = language === 'ar' ? measure.name.ar || measure.name.en : measure.name.en;
  const max = measure.maxScore ?? Math.max(...measure.scores.map((s) => s.score), 1);
  return (
    <Card as="article" className="pt-section" aria-labelledby={`measure-${measure.instrumentId}`}>
      <h3 id={`measure-${measure.instrumentId}`}>{name}</h3>
      <p>{measure.higherIsBetter ? t('progress.higherBetter') : t('progress.lowerBetter')}</p>
      <p>{measure.mcid === null ? t('progress.noMcid') : t('progress.mcid', { mcid: measure.mcid })}</p>
      {measure.mcid !== null ? <p>{t(`progress.change.${measure.change}`)}</p> : null}
      <ScoreChart scores={measure.scores} max={max} label={t('progress.chart', { name })} />
      <Table caption={name} captionHidden compact>
        <thead>
          <tr>
            <th scope="col">{t('progress.date')}</th>
            <th scope="col">{t('progress.score')}</th>
          </tr>
        </thead>
        <tbody>
          {measure.scores.map((s) => (
            <tr key={s.takenOn}>
              <td>{formatDay(s.takenOn, language)}</td>
              <td>{measure.maxScore === null ? s.score : t('progress.outOf', { score: Math.round(s.score * 10) / 10, max: measure.maxScore })}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/** Scores over time (chart and table, the MCID in plain words), questions due, check-ins, health form and consent. */
export function ProgressSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const progress = useQuery(portalProgressQuery(patientId));
  const link = useMutation({
    mutationFn: createMeasuresLink,
    onSuccess: ({ url }) => {
      window.location.assign(url);
    },
  });
  const data = progress.data;
  return (
    <section id="progress" className="pt-section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('sections.progress')}</h2>
      {progress.error ? <Alert tone="error" title={errorText(progress.error)} /> : null}
      <Card as="section" aria-labelledby="due-title" className="pt-section">
        <h3 id="due-title">{t('progress.due')}</h3>
        {data && data.measuresDue.length > 0 ? (
          <>
            <p>{t('progress.dueText', { count: data.measuresDue.length })}</p>
            <div>
              <Button busy={link.isPending} onClick={() => link.mutate()}>
                {t('progress.answer')}
              </Button>
            </div>
            {link.error ? <Alert tone="error" title={errorText(link.error)} /> : null}
          </>
        ) : (
          <MutedText>{t('progress.noneDue')}</MutedText>
        )}
      </Card>
      <h3>{t('progress.measures')}</h3>
      {data?.measures.length === 0 ? <MutedText>{t('progress.noMeasures')}</MutedText> : null}
      {(data?.measures ?? []).map((measure) => (
        <MeasureCard key={measure.instrumentId} measure={measure} />
      ))}
      <Card as="section" aria-labelledby="checkins-title" className="pt-section">
        <h3 id="checkins-title">{t('progress.checkIns')}</h3>
        {data?.checkIns.length === 0 ? <MutedText>{t('progress.noCheckIns')}</MutedText> : null}
        {data && data.checkIns.length > 0 ? (
          <Table caption={t('progress.checkIns')} captionHidden compact>
            <thead>
              <tr>
                <th scope="col">{t('progress.checkInSent')}</th>
                <th scope="col">{t('progress.checkInAnswered')}</th>
                <th scope="col">{t('progress.soreness')}</th>
              </tr>
            </thead>
            <tbody>
              {data.checkIns.map((c) => (
                <tr key={c.opensAt}>
                  <td>{formatInstant(c.opensAt, timeZone, language, 'day')}</td>
                  <td>{c.answeredAt ? formatInstant(c.answeredAt, timeZone, language, 'day') : t('progress.notAnswered')}</td>
                  <td>{c.soreness ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </Card>
      {data ? <HomeProgramCard program={data.homeProgram} /> : null}
      <Card as="section" aria-labelledby="intake-title" className="pt-section">
        <h3 id="intake-title">{t('progress.intake')}</h3>
        {data ? (
          <>
            <p>{t(`progress.intakeStatus.${data.intake.status}`)}</p>
            <p>
              {data.intake.consentSignedAt
                ? t('progress.consentSigned', {
                    date: formatInstant(data.intake.consentSignedAt, timeZone, language, 'day'),
                    version: data.intake.consentVersion ?? '',
                  })
                : t('progress.consentMissing')}
            </p>
            {data.intake.appointmentId ? (
              <div className="pt-actions">
                <ButtonLink
                  to={`/portal/visits/${encodeURIComponent(data.intake.appointmentId)}/intake`}
                  variant={data.intake.status === 'open' ? 'primary' : 'secondary'}
                >
                  {data.intake.status === 'open'
                    ? t('progress.openIntake')
                    : data.intake.consentCurrent
                      ? t('progress.reviewIntake')
                      : t('progress.renewConsent')}
                </ButtonLink>
              </div>
            ) : null}
          </>
        ) : null}
      </Card>
    </section>
  );
}
