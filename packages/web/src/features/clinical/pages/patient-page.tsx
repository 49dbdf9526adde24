import { can } from '@myomap/domain/access/permissions';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api/api-client.ts';
import { clinicalApi, type PatientRecordDto, type PlanSummaryDto } from '../api/clinical-api.ts';
import '../identity.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

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
  return (
    <div className="clinical">
      <PatientRecord />
    </div>
  );
}

function PatientRecord() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const navigate = useNavigate();
  const user = useStaffUser();
  // Safety screens and treatment plans are for clinicians; reception sees the record only.
  const clinician = can(user.role, 'safety.read');
  const [record, setRecord] = useState<PatientRecordDto | undefined>();
  const [status, setStatus] = useState<'loading' | 'ready' | 'missing' | 'error'>('loading');
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState('');

  useEffect(() => {
    let live = true;
    clinicalApi
      .patient(id)
      .then((found) => {
        if (!live) return;
        setRecord(found);
        setStatus('ready');
      })
      .catch((error: unknown) => live && setStatus(error instanceof ApiError && error.status === 404 ? 'missing' : 'error'));
    return () => {
      live = false;
    };
  }, [id]);

  const start = async (appointmentId?: string) => {
    setStarting(true);
    setStartError('');
    try {
      const created = await clinicalApi.createAssessment(id, appointmentId);
      void navigate(`/staff/assessments/${created.id}`);
    } catch (error) {
      setStartError(error instanceof ApiError && error.status === 403 ? t('patient.notAllowed') : t('status.saveFailed'));
      setStarting(false);
    }
  };

  if (status === 'loading') return <p className="muted">{t('common:loading')}</p>;
  if (status === 'missing') return <p className="error">{t('patient.missing')}</p>;
  if (status === 'error' || !record) return <p className="error">{t('status.loadFailed')}</p>;
  const { patient, appointments, assessments } = record;
  const none = '—';

  return (
    <>
      <p>
        <Link to="/staff/patients">{t('patient.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{patient.name}</h1>
        <div className="button-row">
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
          <Button size="sm" onClick={() => void start()} disabled={starting}>
            {t('patient.newAssessment')}
          </Button>
        </div>
      </div>
      <IdentityNotice
        status={(patient as { identityStatus?: string }).identityStatus}
        mergedIntoId={(patient as { mergedIntoId?: string | null }).mergedIntoId ?? null}
      />
      {startError && (
        <p className="error" role="alert">
          {startError}
        </p>
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
              {patient.emergencyContactName ?? none} {patient.emergencyContactPhone && <span dir="ltr">({patient.emergencyContactPhone})</span>}
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="visits">
          <h2 id="visits">{t('patient.visits')}</h2>
          {appointments.length === 0 ? (
            <p className="muted">{t('patient.noVisits')}</p>
          ) : (
            <ul className="plain-list">
              {appointments.map((visit) => (
                <li key={visit.id}>
                  <strong>{formatInstant(visit.start, timeZone, language, 'medium')}</strong> · {visit.serviceName[language]} ·{' '}
                  <span dir="ltr">{visit.reference}</span> <span className="tag">{t(`patient.status.${visit.status}`, { defaultValue: visit.status })}</span>
                  {visit.status !== 'cancelled' && (
                    <button type="button" className="link-button" onClick={() => void start(visit.id)} disabled={starting}>
                      {t('patient.assessVisit')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="assessments">
          <h2 id="assessments">{t('patient.assessments')}</h2>
          {assessments.length === 0 ? (
            <p className="muted">{t('patient.noAssessments')}</p>
          ) : (
            <ul className="plain-list">
              {assessments.map((assessment) => (
                <li key={assessment.id}>
                  <Link to={`/staff/assessments/${assessment.id}`}>{formatInstant(assessment.createdAt, timeZone, language, 'medium')}</Link> ·{' '}
                  {assessment.authorName} <span className="tag">{t(`patient.assessmentStatus.${assessment.status}`, { defaultValue: assessment.status })}</span>
                  <span className="muted small"> {t('patient.updated', { when: formatInstant(assessment.updatedAt, timeZone, language, 'medium') })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {clinician && <TreatmentPlans patientId={id} />}
      </div>
    </>
  );
}

/** The patient's treatment plans, newest first, each linking to the plan editor. */
function TreatmentPlans({ patientId }: { patientId: string }) {
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const [plans, setPlans] = useState<PlanSummaryDto[] | 'loading' | 'error'>('loading');

  useEffect(() => {
    let live = true;
    clinicalApi.patientPlans(patientId).then(
      (found) => live && setPlans(found),
      () => live && setPlans('error'),
    );
    return () => {
      live = false;
    };
  }, [patientId]);

  return (
    <section className="card" aria-labelledby="plans">
      <h2 id="plans">{t('patient.plans')}</h2>
      {plans === 'loading' ? (
        <p className="muted">{t('common:loading')}</p>
      ) : plans === 'error' ? (
        <p className="error">{t('patient.plansFailed')}</p>
      ) : plans.length === 0 ? (
        <p className="muted">{t('patient.noPlans')}</p>
      ) : (
        <ul className="plain-list">
          {plans.map((plan) => (
            <li key={plan.id} data-plan-id={plan.id}>
              <Link to={`/staff/plans/${encodeURIComponent(plan.id)}`}>
                {t('patient.planFrom', { when: formatInstant(plan.createdAt, timeZone, language, 'medium') })}
              </Link>{' '}
              <span className="tag">{t(`patient.planStatus.${plan.status}`, { defaultValue: plan.status })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
