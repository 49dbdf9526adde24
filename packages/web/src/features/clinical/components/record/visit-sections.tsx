import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../../components/ui/button.tsx';
import { EmptyState } from '../../../../components/ui/empty-state.tsx';
import { MutedText } from '../../../../components/ui/muted-text.tsx';
import { Tag, type TagTone } from '../../../../components/ui/tag.tsx';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { PatientRecordDto } from '../../api/clinical-api.ts';
import { RecordSection, useCapped } from './record-section.tsx';

type Visit = PatientRecordDto['appointments'][number];

const STATUS_TONE: Record<string, TagTone> = { confirmed: 'info', completed: 'success', cancelled: 'neutral', no_show: 'warning' };

function VisitList({ visits, empty, onAssess, assessing }: { visits: Visit[]; empty: string; onAssess?: (id: string) => void; assessing: boolean }) {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const { shown, more } = useCapped(visits);
  if (visits.length === 0) return <MutedText>{empty}</MutedText>;
  return (
    <>
      <ul className="record-list">
        {shown.map((visit) => (
          <li key={visit.id} className="record-row" data-visit-id={visit.id}>
            <div className="record-row__main">
              <strong>{formatInstant(visit.start, timeZone, language, 'medium')}</strong>
              <span>
                {visit.serviceName[language]}
                {visit.practitionerName && (
                  <>
                    {' · '}
                    <bdi>{visit.practitionerName[language]}</bdi>
                  </>
                )}
              </span>
              <MutedText as="span" size="sm">
                <bdi dir="ltr">{visit.reference}</bdi>
              </MutedText>
            </div>
            <div className="record-row__side">
              <Tag tone={STATUS_TONE[visit.status] ?? 'neutral'}>{t(`patient.status.${visit.status}`, { defaultValue: visit.status })}</Tag>
              <Link to={`/staff/appointments/${encodeURIComponent(visit.id)}/intake`}>{t('record.appointments.intake')}</Link>
              {onAssess && visit.status !== 'cancelled' && (
                <Button variant="ghost" size="sm" onClick={() => onAssess(visit.id)} disabled={assessing}>
                  {t('patient.assessVisit')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}

/** Upcoming visits (soonest first) and past ones (newest first), each with its status. */
export function AppointmentsSection({ record, onAssess, assessing }: { record: PatientRecordDto; onAssess?: (id: string) => void; assessing: boolean }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.appointments' });
  return (
    <RecordSection id="appointments" title={t('title')}>
      <h3>{t('upcoming')}</h3>
      <VisitList visits={record.upcomingAppointments} empty={t('noUpcoming')} assessing={assessing} {...(onAssess ? { onAssess } : {})} />
      <h3 className="record-subhead">{t('past')}</h3>
      <VisitList visits={record.pastAppointments} empty={t('noPast')} assessing={assessing} {...(onAssess ? { onAssess } : {})} />
    </RecordSection>
  );
}

const OUTCOME_TONE: Record<string, TagTone> = { proceed: 'success', proceed_with_precautions: 'warning', refer_before_treatment: 'danger' };
const DECISION_TONE: Record<string, TagTone> = { clear: 'success', clear_with_precautions: 'warning', refer: 'danger' };

/** Each visit's intake and consent (every role), and the latest screen with the physician's decision (clinical roles only). */
export function IntakeSection({ record }: { record: PatientRecordDto }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.intake' });
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const when = (at: string) => formatInstant(at, timeZone, language, 'medium');
  const { screening } = record;
  return (
    <RecordSection
      id="intake"
      title={t('title')}
      action={screening !== undefined ? <Link to={`/staff/patients/${encodeURIComponent(record.patient.id)}/safety`}>{t('open')}</Link> : undefined}
    >
      {screening !== undefined &&
        (screening ? (
          <div className="record-screening" data-outcome={screening.outcome}>
            <p>
              {t('screening', { when: when(screening.at) })}{' '}
              <Tag tone={OUTCOME_TONE[screening.outcome] ?? 'neutral'} strong>
                {t(`outcome.${screening.outcome}`)}
              </Tag>
            </p>
            {screening.review ? (
              <p>
                {t('review', { decision: t(`decision.${screening.review.decision}`), name: screening.review.physicianName, when: when(screening.review.at) })}{' '}
                <Tag tone={DECISION_TONE[screening.review.decision] ?? 'neutral'}>{t(`decision.${screening.review.decision}`)}</Tag>
              </p>
            ) : (
              <MutedText>{t('noReview')}</MutedText>
            )}
          </div>
        ) : (
          <MutedText>{t('noScreening')}</MutedText>
        ))}
      {record.intakes.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <ul className="record-list">
          {record.intakes.map((intake) => (
            <li key={intake.id} className="record-row" data-intake-id={intake.id}>
              <div className="record-row__main">
                <strong>{intake.visitStart ? t('visit', { when: when(intake.visitStart) }) : t('noVisit')}</strong>
                <MutedText as="span" size="sm">
                  {intake.submittedAt ? t('submittedAt', { when: when(intake.submittedAt) }) : t('savedAt', { when: when(intake.savedAt) })}
                </MutedText>
                <MutedText as="span" size="sm">
                  {intake.consent
                    ? t(intake.consent.current ? 'consent' : 'consentOld', { version: intake.consent.version, when: when(intake.consent.signedAt) })
                    : t('noConsent')}
                </MutedText>
              </div>
              <div className="record-row__side">
                <Tag tone={intake.status === 'submitted' ? 'success' : 'warning'}>{t(`status.${intake.status}`)}</Tag>
                {intake.appointmentId && <Link to={`/staff/appointments/${encodeURIComponent(intake.appointmentId)}/intake`}>{t('open')}</Link>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </RecordSection>
  );
}
