import { can } from '@myomap/domain/access/permissions';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { clinicalApi, type PatientRecordDto } from '../api/clinical-api.ts';
import { patientQuery } from '../api/clinical-queries.ts';
import { AssessmentsSection, NotesSection, OutcomesSection, PlansSection, ReferralsSection } from '../components/record/clinical-sections.tsx';
import { DemographicsCard } from '../components/record/demographics-card.tsx';
import { DocumentsSection } from '../components/record/documents-section.tsx';
import { ChangesSection, ConsentsSection, MessagesSection } from '../components/record/desk-sections.tsx';
import { RecordTimeline } from '../components/record/record-timeline.tsx';
import { ReferredAlert } from '../components/record/referred-alert.tsx';
import { AppointmentsSection, IntakeSection } from '../components/record/visit-sections.tsx';
import '../components/record/record.css';
import '../identity.css';

/** An online booking not yet checked, or a record merged into another: say so, with the way on. */
function IdentityNotice({ status, mergedIntoId }: { status: string | undefined; mergedIntoId: string | null }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  if (status === 'self_registered') {
    return (
      <p className="identity__rule" data-identity="self_registered">
        {t('patient.selfRegistered')} <Link to="/staff/patients/duplicates">{t('duplicates.link')}</Link>
      </p>
    );
  }
  if (status === 'merged' && mergedIntoId) {
    return (
      <p className="identity__rule" data-identity="merged">
        {t('patient.merged')} <Link to={`/staff/patients/${encodeURIComponent(mergedIntoId)}`}>{t('merge.open')}</Link>
      </p>
    );
  }
  return null;
}

/** The sections this record holds, in page order (clinical ones only when the server sent them). */
function sectionIds(record: PatientRecordDto, documents: boolean): string[] {
  return [
    'demographics',
    'appointments',
    'intake',
    ...(record.canSeeClinical ? ['assessments'] : []),
    ...(record.plans ? ['plans'] : []),
    ...(record.notes ? ['notes'] : []),
    ...(record.episodes ? ['outcomes'] : []),
    ...(record.referrals ? ['referrals'] : []),
    ...(documents ? ['documents'] : []),
    'messages',
    'consents',
    'changes',
  ];
}

export function PatientPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useStaffUser();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => Date.now());
  const timeline = params.get('view') === 'timeline';
  const query = useQuery(patientQuery(id));
  const start = useMutation({
    mutationFn: (appointmentId: string | undefined) => clinicalApi.createAssessment(id, appointmentId),
    onSuccess: (created) => void navigate(`/staff/assessments/${created.id}`),
  });
  // Between the answer and the next page the button stays disabled, as it did before.
  const starting = start.isPending || start.isSuccess;

  if (query.isPending) return <LoadingState label={t('common:loading')} />;
  if (query.isError) {
    return (
      <div className="clinical">
        <Alert tone="error">{query.error instanceof ApiError && query.error.status === 404 ? t('patient.missing') : errorText(query.error)}</Alert>
      </div>
    );
  }
  const record = query.data;
  const { patient } = record;
  const mayReadDocuments = can(user.role, 'documents.read');
  const sectionTitles: Record<string, string> = {
    demographics: t('record.demographics.title'),
    appointments: t('record.appointments.title'),
    intake: t('record.intake.title'),
    assessments: t('patient.assessments'),
    plans: t('patient.plans'),
    notes: t('record.notes.title'),
    outcomes: t('record.outcomes.title'),
    referrals: t('record.referrals.title'),
    documents: t('record.documents.title'),
    messages: t('record.messages.title'),
    consents: t('record.consents.title'),
    changes: t('record.changes.title'),
  };
  const setView = (view: 'sections' | 'timeline') =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (view === 'timeline') next.set('view', 'timeline');
        else next.delete('view');
        return next;
      },
      { replace: true },
    );

  return (
    <PageFrame
      className="clinical record-page"
      back={<Link to="/staff/patients">{t('patient.back')}</Link>}
      title={<bdi>{patient.name}</bdi>}
      actions={
        <>
          {can(user.role, 'safety.read') && (
            <ButtonLink variant="secondary" size="sm" to={`/staff/patients/${encodeURIComponent(id)}/safety`}>
              {t('patient.safety')}
            </ButtonLink>
          )}
          {can(user.role, 'outcomes.read') && (
            <ButtonLink variant="secondary" size="sm" to={`/staff/patients/${encodeURIComponent(id)}/outcomes`}>
              {t('patient.outcomes')}
            </ButtonLink>
          )}
          {can(user.role, 'referral.draft') && (
            <ButtonLink variant="secondary" size="sm" to={`/staff/referrals/new?${new URLSearchParams({ patientId: id, source: 'record' }).toString()}`}>
              {t('patient.refer')}
            </ButtonLink>
          )}
          <Button size="sm" onClick={() => start.mutate(undefined)} disabled={starting}>
            {t('patient.newAssessment')}
          </Button>
        </>
      }
    >
      <ReferredAlert record={record} />
      <IdentityNotice status={patient.identityStatus} mergedIntoId={patient.mergedIntoId ?? null} />
      {start.isError && (
        <Alert tone="error">{start.error instanceof ApiError && start.error.code === 'forbidden' ? t('patient.notAllowed') : errorText(start.error)}</Alert>
      )}
      <div className="record-toolbar">
        <div className="record-toggle" role="group" aria-label={t('record.views')}>
          <Button size="sm" variant={timeline ? 'secondary' : 'primary'} aria-pressed={!timeline} onClick={() => setView('sections')}>
            {t('record.bySection')}
          </Button>
          <Button size="sm" variant={timeline ? 'primary' : 'secondary'} aria-pressed={timeline} onClick={() => setView('timeline')}>
            {t('record.timeline')}
          </Button>
        </div>
        {!timeline && (
          <nav className="record-nav" aria-label={t('record.sectionsNav')}>
            {sectionIds(record, mayReadDocuments).map((section) => (
              <a key={section} href={`#section-${section}`}>
                {sectionTitles[section]}
              </a>
            ))}
          </nav>
        )}
      </div>
      {timeline ? (
        <RecordTimeline record={record} now={now} />
      ) : (
        <div className="record-grid">
          <DemographicsCard record={record} />
          <AppointmentsSection record={record} onAssess={(visitId) => start.mutate(visitId)} assessing={starting} />
          <IntakeSection record={record} />
          {record.canSeeClinical && <AssessmentsSection record={record} />}
          {record.plans && <PlansSection plans={record.plans} />}
          {record.notes && <NotesSection notes={record.notes} />}
          {record.episodes && <OutcomesSection patientId={id} episodes={record.episodes} />}
          {record.referrals && <ReferralsSection referrals={record.referrals} />}
          {mayReadDocuments && <DocumentsSection patientId={id} />}
          <MessagesSection messages={record.messages} />
          <ConsentsSection consents={record.consents} />
          <ChangesSection changes={record.changes} />
        </div>
      )}
    </PageFrame>
  );
}
