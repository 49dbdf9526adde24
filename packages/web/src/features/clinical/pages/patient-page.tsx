import { can } from '@myomap/domain/access/permissions';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { clinicalApi } from '../api/clinical-api.ts';
import { patientPlansQuery, patientQuery } from '../api/clinical-queries.ts';
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

export function PatientPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useErrorText();
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const navigate = useNavigate();
  const user = useStaffUser();
  // Safety screens and treatment plans are for clinicians; reception sees the record only.
  const clinician = can(user.role, 'safety.read');
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
  const { patient, appointments, assessments } = query.data;
  const none = '—';

  return (
    <PageFrame
      className="clinical"
      back={<Link to="/staff/patients">{t('patient.back')}</Link>}
      title={patient.name}
      actions={
        <>
          {clinician && (
            <ButtonLink variant="secondary" size="sm" to={`/staff/patients/${encodeURIComponent(id)}/safety`}>
              {t('patient.safety')}
            </ButtonLink>
          )}
          {can(user.role, 'outcomes.read') && (
            <ButtonLink variant="secondary" size="sm" to={`/staff/patients/${encodeURIComponent(id)}/outcomes`}>
              {t('patient.outcomes')}
            </ButtonLink>
          )}
          <Button size="sm" onClick={() => start.mutate(undefined)} disabled={starting}>
            {t('patient.newAssessment')}
          </Button>
        </>
      }
    >
      <IdentityNotice status={patient.identityStatus} mergedIntoId={patient.mergedIntoId ?? null} />
      {start.isError && (
        <Alert tone="error">{start.error instanceof ApiError && start.error.code === 'forbidden' ? t('patient.notAllowed') : errorText(start.error)}</Alert>
      )}
      <div className="patient-grid">
        <section className="card" aria-labelledby="demographics">
          <h2 id="demographics">{t('patient.details')}</h2>
          <dl className="details">
            <dt>{t('patients.email')}</dt>
            <dd dir="ltr">{patient.email}</dd>
            <dt>{t('patients.phone')}</dt>
            <dd dir="ltr">{patient.phone ?? none}</dd>
            <dt>{t('patients.dateOfBirth')}</dt>
            <dd>{patient.dateOfBirth ? formatDay(patient.dateOfBirth, language, 'medium') : none}</dd>
            <dt>{t('patients.sex')}</dt>
            <dd>{patient.sex ? t(`patients.sexes.${patient.sex}`) : none}</dd>
            <dt>{t('patients.language')}</dt>
            <dd>{patient.preferredLanguage === 'ar' ? 'العربية' : 'English'}</dd>
            <dt>{t('patients.emergencyName')}</dt>
            <dd>
              {/* Each part isolated, so a Latin name and a phone number keep their order inside Arabic text. */}
              <bdi>{patient.emergencyContactName ?? none}</bdi> {patient.emergencyContactPhone && <bdi dir="ltr">({patient.emergencyContactPhone})</bdi>}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="visits">
          <h2 id="visits">{t('patient.visits')}</h2>
          {appointments.length === 0 ? (
            <MutedText>{t('patient.noVisits')}</MutedText>
          ) : (
            <ul className="plain-list">
              {appointments.map((visit) => (
                <li key={visit.id}>
                  <strong>{formatInstant(visit.start, timeZone, language, 'medium')}</strong> · {visit.serviceName[language]} ·{' '}
                  <span dir="ltr">{visit.reference}</span> <Tag>{t(`patient.status.${visit.status}`, { defaultValue: visit.status })}</Tag>
                  {visit.status !== 'cancelled' && (
                    <Button variant="ghost" size="sm" onClick={() => start.mutate(visit.id)} disabled={starting}>
                      {t('patient.assessVisit')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="assessments">
          <h2 id="assessments">{t('patient.assessments')}</h2>
          {assessments.length === 0 ? (
            <MutedText>{t('patient.noAssessments')}</MutedText>
          ) : (
            <ul className="plain-list">
              {assessments.map((assessment) => (
                <li key={assessment.id}>
                  <Link to={`/staff/assessments/${assessment.id}`}>{formatInstant(assessment.createdAt, timeZone, language, 'medium')}</Link> ·{' '}
                  {assessment.authorName} <Tag>{t(`patient.assessmentStatus.${assessment.status}`, { defaultValue: assessment.status })}</Tag>
                  <MutedText as="span" size="sm">
                    {' '}
                    {t('patient.updated', { when: formatInstant(assessment.updatedAt, timeZone, language, 'medium') })}
                  </MutedText>
                </li>
              ))}
            </ul>
          )}
        </section>
        {clinician && <TreatmentPlans patientId={id} />}
      </div>
    </PageFrame>
  );
}

/** The patient's treatment plans, newest first, each linking to the plan editor. */
function TreatmentPlans({ patientId }: { patientId: string }) {
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useErrorText();
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const plans = useQuery(patientPlansQuery(patientId));

  return (
    <section className="card" aria-labelledby="plans">
      <h2 id="plans">{t('patient.plans')}</h2>
      {plans.isPending ? (
        <LoadingState label={t('common:loading')} />
      ) : plans.isError ? (
        <Alert tone="error">{errorText(plans.error)}</Alert>
      ) : plans.data.length === 0 ? (
        <MutedText>{t('patient.noPlans')}</MutedText>
      ) : (
        <ul className="plain-list">
          {plans.data.map((plan) => (
            <li key={plan.id} data-plan-id={plan.id}>
              <Link to={`/staff/plans/${encodeURIComponent(plan.id)}`}>
                {t('patient.planFrom', { when: formatInstant(plan.createdAt, timeZone, language, 'medium') })}
              </Link>{' '}
              <Tag>{t(`patient.planStatus.${plan.status}`, { defaultValue: plan.status })}</Tag>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
