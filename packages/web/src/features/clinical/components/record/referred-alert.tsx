import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../components/ui/alert.tsx';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { PatientRecordDto } from '../../api/clinical-api.ts';

/**
 * A referred patient says so before anything else on the record: a physician's referral, or a
 * referring screen no physician has cleared. The same facts as the treatment gate (server side).
 */
export function ReferredAlert({ record }: { record: PatientRecordDto }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.referred' });
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const screening = record.screening;
  if (!screening?.referred) return null;
  const review = screening.review?.decision === 'refer' ? screening.review : null;
  return (
    <div className="record-referred" data-referred="true">
      <Alert tone="error" title={t('title')} actions={<Link to={`/staff/patients/${encodeURIComponent(record.patient.id)}/safety`}>{t('open')}</Link>}>
        {review ? (
          <p>{t('byPhysician', { name: review.physicianName, when: formatInstant(review.at, timeZone, language, 'medium') })}</p>
        ) : (
          <p>{t('byScreening', { when: formatInstant(screening.at, timeZone, language, 'medium') })}</p>
        )}
      </Alert>
    </div>
  );
}
