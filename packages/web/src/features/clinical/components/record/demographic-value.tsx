import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { DemographicField } from '../../api/clinical-api.ts';

/**
 * One demographic value as staff read it: names isolated with <bdi> (a Latin name keeps its order
 * inside Arabic text), phones and emails left-to-right, dates in the page's language.
 */
export function DemographicValue({ field, value }: { field: DemographicField; value: string | null }) {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  if (value === null || value === '') return <span className="record-muted">—</span>;
  switch (field) {
    case 'phone':
    case 'emergencyContactPhone':
      return (
        <bdi dir="ltr" className="record-phone">
          {value}
        </bdi>
      );
    case 'email':
      return <bdi dir="ltr">{value}</bdi>;
    case 'dateOfBirth':
      return <>{formatDay(value, language, 'medium')}</>;
    case 'sex':
      return <>{t(`patients.sexes.${value as 'female' | 'male' | 'other' | 'unknown'}`, { defaultValue: value })}</>;
    case 'preferredLanguage':
      return <span lang={value}>{value === 'ar' ? 'العربية' : 'English'}</span>;
    case 'name':
    case 'emergencyContactName':
      return <bdi>{value}</bdi>;
  }
}
