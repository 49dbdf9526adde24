import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { PatientDraft, PatientErrors } from '../lib/validate-patient.ts';

export interface PatientFieldsProps {
  idPrefix: string;
  value: PatientDraft;
  errors: PatientErrors;
  onChange(next: PatientDraft): void;
  /** What the email is used for here; defaults to the booking's wording. */
  emailHint?: string;
}

/** Name, email, phone and preferred language, as the booking and the waitlist both ask for them. */
export function PatientFields({ idPrefix, value, errors, onChange, emailHint }: PatientFieldsProps) {
  const { t } = useTranslation('booking');
  const set = (field: keyof PatientDraft) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  return (
    <div className="pb-fields">
      <TextField
        id={`${idPrefix}-name`}
        label={t('details.name')}
        value={value.name}
        onChange={set('name')}
        autoComplete="name"
        required
        maxLength={200}
        error={errors.name ? t('details.errors.name') : undefined}
      />
      <TextField
        id={`${idPrefix}-email`}
        type="email"
        label={t('details.email')}
        hint={emailHint ?? t('details.emailHint')}
        value={value.email}
        onChange={set('email')}
        autoComplete="email"
        inputMode="email"
        dir="ltr"
        required
        maxLength={254}
        error={errors.email ? t('details.errors.email') : undefined}
      />
      <TextField
        id={`${idPrefix}-phone`}
        type="tel"
        label={t('details.phone')}
        optionalText={t('details.optional')}
        hint={
          <>
            {t('details.phoneHint')}{' '}
            <span dir="ltr" className="pb-nowrap">
              +971 50 123 4567
            </span>
          </>
        }
        value={value.phone}
        onChange={set('phone')}
        autoComplete="tel"
        inputMode="tel"
        dir="ltr"
        maxLength={30}
        error={errors.phone ? t('details.errors.phone') : undefined}
      />
      <SelectField
        id={`${idPrefix}-language`}
        label={t('details.language')}
        value={value.preferredLanguage}
        onChange={set('preferredLanguage')}
        options={[
          { value: 'en', label: t('common.languages.en'), lang: 'en' },
          { value: 'ar', label: t('common.languages.ar'), lang: 'ar' },
        ]}
      />
    </div>
  );
}

/** Moves focus to the first field with a mistake, so keyboard and screen-reader users land on it. */
export function focusFirstError(idPrefix: string, errors: PatientErrors): void {
  const first = (['name', 'email', 'phone'] as const).find((field) => errors[field]);
  if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
}
