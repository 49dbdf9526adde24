import { useEffect, useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { pickPatient, type PatientDraft } from '../lib/patient-draft.ts';

export interface PatientFieldsProps {
  idPrefix: string;
  /** What the email is used for here; defaults to the booking's wording. */
  emailHint?: string;
  /** Told of every change, so details typed in the waitlist form appear in the booking form and back. */
  onDraftChange?(next: PatientDraft): void;
}

/**
 * Name, email, phone and preferred language, as the booking and the waitlist both ask for them.
 * Rendered inside a react-hook-form `FormProvider` whose values include a `PatientDraft`.
 */
export function PatientFields({ idPrefix, emailHint, onDraftChange }: PatientFieldsProps) {
  const { t } = useTranslation('booking');
  const {
    register,
    watch,
    getValues,
    formState: { errors },
  } = useFormContext<PatientDraft>();
  const notify = useRef(onDraftChange);
  notify.current = onDraftChange;
  useEffect(() => {
    const subscription = watch((values) => notify.current?.(pickPatient(values, getValues())));
    return () => subscription.unsubscribe();
  }, [watch, getValues]);

  return (
    <div className="pb-fields">
      <TextField
        id={`${idPrefix}-name`}
        label={t('details.name')}
        {...register('name')}
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
        {...register('email')}
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
        {...register('phone')}
        autoComplete="tel"
        inputMode="tel"
        dir="ltr"
        maxLength={30}
        error={errors.phone ? t('details.errors.phone') : undefined}
      />
      <SelectField
        id={`${idPrefix}-language`}
        label={t('details.language')}
        {...register('preferredLanguage')}
        options={[
          { value: 'en', label: t('common.languages.en'), lang: 'en' },
          { value: 'ar', label: t('common.languages.ar'), lang: 'ar' },
        ]}
      />
    </div>
  );
}
