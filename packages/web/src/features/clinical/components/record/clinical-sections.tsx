import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MutedText } from '../../../../components/ui/muted-text.tsx';
import { Tag, type TagTone } from '../../../../components/ui/tag.tsx';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant, localeFor } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { PatientRecordDto } from '../../api/clinical-api.ts';
import { RecordSection, useCapped } from './record-section.tsx';

function useWhen() {
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  return { language, when: (at: string) => formatInstant(at, timeZone, language, 'medium'), day: (on: string) => formatDay(on, language, 'medium') };
}

export function AssessmentsSection({ record }: { record: PatientRecordDto }) {
  const { t } = useTranslation('clinical');
  const { when } = useWhen();
  return (
    <RecordSection id="assessments" title={t('patient.assessments')}>
      {record.assessments.length === 0 ? (
        <MutedText>{t('patient.noAssessments')}</MutedText>
      ) : (
        <ul className="record-list">
          {record.assessments.map((assessment) => (
            <li key={assessment.id} className="record-row">
              <div className="record-row__main">
                <Link to={`/staff/assessments/${encodeURIComponent(assessment.id)}`}>{when(assessment.createdAt)}</Link>
                <MutedText as="span" size="sm">
                  <bdi>{assessment.authorName}</bdi> · {t('patient.updated', { when: when(assessment.updatedAt) })}
                </MutedText>
              </div>
              <Tag tone={assessment.status === 'final' ? 'success' : 'warning'}>
                {t(`patient.assessmentStatus.${assessment.status}`, { defaultValue: assessment.status })}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </RecordSection>
  );
}

export function PlansSection({ plans }: { plans: NonNullable<PatientRecordDto['plans']> }) {
  const { t } = useTranslation('clinical');
  const { when } = useWhen();
  return (
    <RecordSection id="plans" title={t('patient.plans')}>
      {plans.length === 0 ? (
        <MutedText>{t('patient.noPlans')}</MutedText>
      ) : (
        <ul className="record-list">
          {plans.map((plan) => (
            <li key={plan.id} className="record-row" data-plan-id={plan.id}>
              <Link to={`/staff/plans/${encodeURIComponent(plan.id)}`}>{t('patient.planFrom', { when: when(plan.createdAt) })}</Link>
              <Tag tone={plan.status === 'approved' ? 'success' : 'warning'}>{t(`patient.planStatus.${plan.status}`, { defaultValue: plan.status })}</Tag>
            </li>
          ))}
        </ul>
      )}
    </RecordSection>
  );
}

export function NotesSection({ notes }: { notes: NonNullable<PatientRecordDto['notes']> }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.notes' });
  const { when, language } = useWhen();
  const { shown, more } = useCapped(notes);
  return (
    <RecordSection id="notes" title={t('title')}>
      {notes.length === 0 ? (
        <MutedText>{t('none')}</MutedText>
      ) : (
        <>
          <ul className="record-list">
            {shown.map((note) => (
              <li key={note.id} className="record-row" data-note-id={note.id}>
                <div className="record-row__main">
                  <Link to={`/staff/notes/${encodeURIComponent(note.id)}`}>
                    {t('line', { service: note.serviceName[language], when: when(note.visitStart) })}
                  </Link>
                  <MutedText as="span" size="sm">
                    {t('by', { name: note.authorName })} · {t('signed', { when: when(note.signedAt) })}
                  </MutedText>
                </div>
              </li>
            ))}
          </ul>
          {more}
        </>
      )}
    </RecordSection>
  );
}

const EPISODE_TONE: Record<string, TagTone> = { open: 'info', discharged: 'success', dropped_out: 'warning' };

export function OutcomesSection({ patientId, episodes }: { patientId: string; episodes: NonNullable<PatientRecordDto['episodes']> }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.outcomes' });
  const { day, language } = useWhen();
  // Scores are shown to one decimal at most (a PSFS mean of three items is 6.7, not 6.666…).
  const number = new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 1 });
  return (
    <RecordSection id="outcomes" title={t('title')} action={<Link to={`/staff/patients/${encodeURIComponent(patientId)}/outcomes`}>{t('open')}</Link>}>
      {episodes.length === 0 ? (
        <MutedText>{t('none')}</MutedText>
      ) : (
        <ul className="record-list">
          {episodes.map((episode) => (
            <li key={episode.id} className="record-row record-row--stack" data-episode-id={episode.id}>
              <div className="record-row__main">
                <strong>
                  <bdi>{episode.complaint}</bdi>
                </strong>
                <MutedText as="span" size="sm">
                  {episode.endedOn ? t('ended', { from: day(episode.startedOn), to: day(episode.endedOn) }) : t('since', { when: day(episode.startedOn) })}
                </MutedText>
              </div>
              <Tag tone={EPISODE_TONE[episode.status] ?? 'neutral'}>{t(`status.${episode.status}`, { defaultValue: episode.status })}</Tag>
              {episode.latestScores.length === 0 ? (
                <MutedText size="sm">{t('noScores')}</MutedText>
              ) : (
                <ul className="record-scores">
                  {episode.latestScores.map((score) => (
                    <li key={score.instrumentId}>
                      <span dir="ltr">{score.instrumentId.toUpperCase()}</span>{' '}
                      <strong>{score.score === null ? t('notMeasured') : number.format(score.score)}</strong>{' '}
                      <MutedText as="span" size="sm">
                        {day(score.takenOn)}
                      </MutedText>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </RecordSection>
  );
}

export function ReferralsSection({ referrals }: { referrals: NonNullable<PatientRecordDto['referrals']> }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.referrals' });
  const { when, language } = useWhen();
  return (
    <RecordSection id="referrals" title={t('title')}>
      {referrals.length === 0 ? (
        <MutedText>{t('none')}</MutedText>
      ) : (
        <>
          <ul className="record-list">
            {referrals.map((referral) => (
              <li key={referral.id} className="record-row" data-referral-source={referral.source}>
                <div className="record-row__main">
                  <strong>{referral.source === 'physician' ? t('physician', { name: referral.physicianName ?? '' }) : t('screening')}</strong>
                  <MutedText as="span" size="sm">
                    {when(referral.at)}
                  </MutedText>
                  {referral.reason && <span>{referral.reason[language]}</span>}
                </div>
                {referral.urgency && (
                  <Tag tone={referral.urgency === 'emergency' || referral.urgency === 'same_day' ? 'danger' : 'warning'}>
                    {t(`urgency.${referral.urgency}`, { defaultValue: referral.urgency })}
                  </Tag>
                )}
              </li>
            ))}
          </ul>
          <MutedText size="sm">{t('noLetters')}</MutedText>
        </>
      )}
    </RecordSection>
  );
}
