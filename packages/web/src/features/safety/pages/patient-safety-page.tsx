import '../safety.css';
import { can } from '@myomap/domain/access/permissions';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { safetyApi, type PatientRecord, type PlanSummary, type ReviewRecorded, type SafetyDto } from '../api/safety-api.ts';
import { AnswersPanel } from '../components/answers-panel.tsx';
import { Contraindications } from '../components/contraindications.tsx';
import { GateBanner } from '../components/gate-banner.tsx';
import { RedFlags } from '../components/red-flags.tsx';
import { ReviewForm } from '../components/review-form.tsx';
import { ReviewHistory } from '../components/review-history.tsx';
import { ScreenNotes } from '../components/screen-notes.tsx';
import { StartSession } from '../components/start-session.tsx';
import { OutcomeTag } from '../components/urgency-tag.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useTranslation } from 'react-i18next';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

export function PatientSafetyPage() {
  return (
    <>
      <PatientSafety />
    </>
  );
}

type Load =
  { status: 'loading' } | { status: 'ready'; safety: SafetyDto; record: PatientRecord } | { status: 'missing' } | { status: 'forbidden' } | { status: 'error' };

/** /staff/patients/:id/safety — the gate, the screen's findings, consent, reviews, and the two actions. */
function PatientSafety() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['safety', 'common']);
  const { dateTime } = useSafetyLabels();
  const user = useStaffUser();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<ReviewRecorded>();

  useEffect(() => {
    let live = true;
    Promise.all([safetyApi.safety(id), safetyApi.patient(id)]).then(
      ([safety, record]) => live && setLoad({ status: 'ready', safety, record }),
      (error: unknown) => {
        if (!live) return;
        const status = error instanceof ApiError ? error.status : 0;
        setLoad(status === 404 ? { status: 'missing' } : status === 403 ? { status: 'forbidden' } : { status: 'error' });
      },
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);

  // The latest treatment plan, for a link; the page works without it.
  const [latestPlan, setLatestPlan] = useState<PlanSummary>();
  useEffect(() => {
    let live = true;
    safetyApi.plans(id).then(
      (plans) => live && setLatestPlan(plans[0]),
      () => live && setLatestPlan(undefined),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const name = load.status === 'ready' ? load.record.patient.name : '';
  useEffect(() => {
    document.title = name ? t('page.title', { name }) : t('page.eyebrow');
  }, [t, name]);

  if (load.status === 'loading') return <LoadingState label={t('common:loading')} />;
  if (load.status === 'missing') return <Alert tone="error">{t('page.noPatient')}</Alert>;
  if (load.status === 'forbidden') return <Alert tone="error">{t('forbidden')}</Alert>;
  if (load.status === 'error') {
    return (
      <Alert
        tone="error"
        actions={
          <Button variant="secondary" onClick={reload}>
            {t('common:actions.retry')}
          </Button>
        }
      >
        {t('loadFailed')}
      </Alert>
    );
  }

  const { safety, record } = load;
  const screening = safety.screening;
  const canTreat = can(user.role, 'treatment.start');
  const canReview = can(user.role, 'review.write') && screening !== null;
  return (
    <section className="sf-page" data-patient-id={id}>
      <PageHeader
        eyebrow={t('page.eyebrow')}
        title={record.patient.name}
        subtitle={
          screening ? (
            <span className="sf-subtitle">
              <OutcomeTag outcome={screening.outcome} /> {t('page.screened', { time: dateTime(screening.at) })}
            </span>
          ) : (
            t('page.notScreened')
          )
        }
        actions={
          <div className="sf-page-links">
            <Link to={`/staff/patients/${id}`}>{t('page.record')}</Link>
            {latestPlan ? (
              <Link to={`/staff/plans/${encodeURIComponent(latestPlan.id)}`} data-plan-id={latestPlan.id}>
                {t('page.latestPlan')}
              </Link>
            ) : null}
          </div>
        }
      />
      <GateBanner gate={safety.gate} latestReview={safety.reviews.find((r) => r.id === safety.standingReviewId) ?? safety.reviews[0]} />
      <ScreenNotes
        result={screening?.result}
        reasoning={safety.reasoning ?? { status: 'active' }}
        clearanceRequired={safety.clearanceRequired ?? []}
        improvement={safety.improvement ?? { status: 'no_data', weeks: 0 }}
      />
      {saved ? <Alert tone="success">{t('review.saved', { decision: t(`decision.${saved.decision}`) })}</Alert> : null}
      <div className="sf-grid">
        <div className="sf-column">
          {canTreat ? <StartSession appointments={record.appointments} /> : null}
          {screening ? <RedFlags result={screening.result} /> : null}
          {screening ? <Contraindications result={screening.result} /> : null}
          <AnswersPanel answers={safety.answers} />
        </div>
        <div className="sf-column">
          {canReview ? (
            <ReviewForm
              key={safety.reviews[0]?.id ?? 'first'}
              patientId={id}
              result={screening.result}
              onSaved={(review) => {
                setSaved(review);
                reload();
              }}
            />
          ) : null}
          <ReviewHistory reviews={safety.reviews} />
          <Card as="section" className="sf-card" aria-labelledby="sf-consent-title">
            <h2 id="sf-consent-title">{t('consent.title')}</h2>
            {safety.consent ? (
              <>
                <p>
                  {t('consent.signed', {
                    version: `\u2066${safety.consent.version}\u2069`,
                    name: `\u2068${safety.consent.typedName}\u2069`,
                    time: dateTime(safety.consent.signedAt),
                  })}
                </p>
                {safety.consent.current ? null : <Alert tone="warning">{t('consent.outdated')}</Alert>}
              </>
            ) : (
              <p className="sf-muted">{t('consent.none')}</p>
            )}
          </Card>
        </div>
      </div>
    </section>
  );
}
