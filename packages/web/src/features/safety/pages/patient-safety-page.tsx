import '../safety.css';
import { can } from '@myomap/domain/access/permissions';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { type ReviewRecorded } from '../api/safety-api.ts';
import { patientPlansQuery, patientRecordQuery, patientSafetyQuery, safetyKeys } from '../api/safety-queries.ts';
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
import { useLanguage } from '../../../lib/i18n/language.ts';

/** /staff/patients/:id/safety — the gate, the screen's findings, consent, reviews, and the two actions. */
export function PatientSafetyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['safety', 'common']);
  const errorText = useErrorText();
  const { dateTime } = useSafetyLabels();
  const language = useLanguage();
  const user = useStaffUser();
  const queryClient = useQueryClient();
  const safetyAnswer = useQuery(patientSafetyQuery(id));
  const recordAnswer = useQuery(patientRecordQuery(id));
  // The latest treatment plan, for a link; the page works without it.
  const latestPlan = useQuery(patientPlansQuery(id)).data?.[0];
  const [saved, setSaved] = useState<ReviewRecorded>();

  const name = recordAnswer.data?.patient.name ?? '';
  useEffect(() => {
    document.title = name ? t('page.title', { name }) : t('page.eyebrow');
  }, [t, name]);

  const failed = safetyAnswer.error ?? recordAnswer.error;
  if (failed) {
    if (failed instanceof ApiError && failed.status === 404) return <Alert tone="error">{t('page.noPatient')}</Alert>;
    if (failed instanceof ApiError && failed.code === 'forbidden') return <Alert tone="error">{t('forbidden')}</Alert>;
    return (
      <Alert
        tone="error"
        actions={
          <Button variant="secondary" onClick={() => void queryClient.invalidateQueries({ queryKey: safetyKeys.patient(id) })}>
            {t('common:actions.retry')}
          </Button>
        }
      >
        {errorText(failed)}
      </Alert>
    );
  }
  if (!safetyAnswer.data || !recordAnswer.data) return <LoadingState label={t('common:loading')} />;

  const safety = safetyAnswer.data;
  const record = recordAnswer.data;
  const screening = safety.screening;
  const canTreat = can(user.role, 'treatment.start');
  const canReview = can(user.role, 'review.write') && screening !== null;
  const standing = safety.reviews.find((r) => r.id === safety.standingReviewId);
  // "Refer": the referrals page, filled in from the standing review and the screen's suggestion.
  const suggestion = screening?.result.physicianReferral;
  const referParams = new URLSearchParams({
    patientId: id,
    source: standing ? 'physician_review' : 'record',
    ...(standing ? { reviewId: standing.id } : {}),
    ...(suggestion
      ? { urgency: suggestion.urgency, reason: suggestion.reason[language], tests: suggestion.suggestedTests.map((s) => s[language]).join('\n') }
      : {}),
  });
  return (
    <PageFrame
      className="sf-page"
      eyebrow={t('page.eyebrow')}
      title={record.patient.name}
      description={
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
          {can(user.role, 'referral.draft') ? <Link to={`/staff/referrals/new?${referParams.toString()}`}>{t('page.refer')}</Link> : null}
          {latestPlan ? (
            <Link to={`/staff/plans/${encodeURIComponent(latestPlan.id)}`} data-plan-id={latestPlan.id}>
              {t('page.latestPlan')}
            </Link>
          ) : null}
        </div>
      }
    >
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
          {canReview ? <ReviewForm key={safety.reviews[0]?.id ?? 'first'} patientId={id} result={screening.result} onSaved={setSaved} /> : null}
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
              <MutedText>{t('consent.none')}</MutedText>
            )}
          </Card>
        </div>
      </div>
    </PageFrame>
  );
}
