import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { contractResolver, isEmail } from '../../../lib/forms/contract-resolver.ts';
import { FieldErrorText, fieldErrorProps, useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicalApi, type NewPatient, type PatientDto, type Sex } from '../api/clinical-api.ts';
import { clinicalKeys } from '../api/clinical-queries.ts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';

const empty = { name: '', email: '', phone: '', dateOfBirth: '', sex: '', preferredLanguage: 'en', emergencyContactName: '', emergencyContactPhone: '' };
type Draft = typeof empty;

const PHONE = /^[+0-9 ()-]{5,30}$/;

function toNewPatient(form: Draft): NewPatient {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    name: form.name.trim(),
    email: form.email.trim(),
    ...(optional(form.phone) ? { phone: form.phone.trim() } : {}),
    ...(form.dateOfBirth ? { dateOfBirth: form.dateOfBirth } : {}),
    ...(form.sex ? { sex: form.sex as Sex } : {}),
    preferredLanguage: form.preferredLanguage === 'ar' ? 'ar' : 'en',
    ...(optional(form.emergencyContactName) ? { emergencyContactName: form.emergencyContactName.trim() } : {}),
    ...(optional(form.emergencyContactPhone) ? { emergencyContactPhone: form.emergencyContactPhone.trim() } : {}),
  };
}

// POST /api/staff/patients's body schema is still in patients.routes.ts: these are its rules the
// person can break, until the schema moves into @myomap/contract and replaces them.
const newPatientResolver = contractResolver<Draft, NewPatient>(null, {
  toBody: toNewPatient,
  fields: {},
  check({ name, email, phone }) {
    return {
      ...(name.trim() ? {} : { name: 'required' as const }),
      ...(!email.trim() ? { email: 'required' as const } : isEmail(email.trim()) ? {} : { email: 'email' as const }),
      ...(phone.trim() && !PHONE.test(phone.trim()) ? { phone: 'invalid' as const } : {}),
    };
  },
});

export function NewPatientForm({ onCreated, onCancel }: { onCreated: (patient: PatientDto) => void; onCancel: () => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useFieldErrorText();
  const serverErrorText = useErrorText();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Draft, unknown, NewPatient>({ defaultValues: empty, resolver: newPatientResolver });
  const queryClient = useQueryClient();
  const creating = useMutation({
    mutationFn: (patient: NewPatient) => clinicalApi.createPatient(patient),
    onSuccess: (patient) => {
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.patients() });
      onCreated(patient);
    },
  });
  // handleSubmit awaits this, so isSubmitting covers the request; a refusal is shown below, not thrown.
  const submit = (patient: NewPatient) =>
    creating.mutateAsync(patient).then(
      () => undefined,
      () => undefined,
    );
  const failure = creating.error;

  const nameError = errorText(errors.name);
  const emailError = errorText(errors.email);
  const phoneError = errorText(errors.phone, errors.phone ? t('common:form.phone') : undefined);
  return (
    <form className="card form-grid" onSubmit={(event) => void handleSubmit(submit)(event)} noValidate aria-label={t('patients.new')}>
      <label className="field">
        <span>{t('patients.name')}</span>
        <input required maxLength={200} {...register('name')} {...fieldErrorProps('new-patient-name', nameError)} autoComplete="off" />
        <FieldErrorText id="new-patient-name" error={nameError} insideLabel />
      </label>
      <label className="field">
        <span>{t('patients.email')}</span>
        <input required type="email" dir="ltr" {...register('email')} {...fieldErrorProps('new-patient-email', emailError)} autoComplete="off" />
        <FieldErrorText id="new-patient-email" error={emailError} insideLabel />
      </label>
      <label className="field">
        <span>{t('patients.phone')}</span>
        <input type="tel" dir="ltr" {...register('phone')} {...fieldErrorProps('new-patient-phone', phoneError)} />
        <FieldErrorText id="new-patient-phone" error={phoneError} insideLabel />
      </label>
      <label className="field">
        <span>{t('patients.dateOfBirth')}</span>
        <input type="date" {...register('dateOfBirth')} />
      </label>
      <label className="field">
        <span>{t('patients.sex')}</span>
        <select {...register('sex')}>
          <option value="">{t('fields.choose')}</option>
          {(['female', 'male', 'other', 'unknown'] as const).map((sex) => (
            <option key={sex} value={sex}>
              {t(`patients.sexes.${sex}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('patients.language')}</span>
        <select {...register('preferredLanguage')}>
          <option value="en">English</option>
          <option value="ar">العربية</option>
        </select>
      </label>
      <label className="field">
        <span>{t('patients.emergencyName')}</span>
        <input maxLength={200} {...register('emergencyContactName')} />
      </label>
      <label className="field">
        <span>{t('patients.emergencyPhone')}</span>
        <input type="tel" dir="ltr" maxLength={30} {...register('emergencyContactPhone')} />
      </label>
      <div className="button-row full-row">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {t('patients.create')}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          {t('common:actions.cancel')}
        </Button>
        {failure && (
          <span className="error" role="alert">
            {failure instanceof ApiError && failure.code === 'validation_failed' ? t('patients.invalid') : serverErrorText(failure)}
          </span>
        )}
      </div>
    </form>
  );
}
