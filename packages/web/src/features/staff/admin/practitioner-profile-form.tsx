import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { SaveStatus } from '../../../components/ui/save-status.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { practitionerProfileApi, type PractitionerProfile } from '../api/practitioner-profile-api.ts';
import { CheckboxField, TextAreaField } from './form-fields.tsx';

/** The languages offered as boxes (the team page names these in both languages); any other stored code is kept and shown too. */
const LANGUAGE_CODES = ['en', 'ar', 'hi', 'ur', 'fr', 'tl', 'ml'] as const;

type ProfileFields = Omit<PractitionerProfile, 'id'>;

/**
 * The practitioner's public profile on the /team page (issue 15): qualifications in English and
 * Arabic and the languages they speak. Its own form and save (PUT …/profile), below the
 * practitioner's details in the edit dialog; only for a practitioner who already exists.
 */
export function PractitionerProfileForm({ id }: { id: string }) {
  const { t } = useTranslation('education');
  const errorText = useErrorText();
  const profile = useQuery({ queryKey: ['education', 'practitioner-profile', id], queryFn: () => practitionerProfileApi.profile(id) });
  return (
    <section className="st-profile" aria-labelledby="st-profile-heading">
      <h3 id="st-profile-heading">{t('profile.heading')}</h3>
      <p className="st-muted">{t('profile.lead')}</p>
      {profile.error ? <Alert tone="error">{errorText(profile.error)}</Alert> : null}
      {profile.data ? <ProfileFieldsForm id={id} initial={profile.data} /> : profile.error ? null : <LoadingState label={t('profile.loading')} />}
    </section>
  );
}

function ProfileFieldsForm({ id, initial }: { id: string; initial: PractitionerProfile }) {
  const { t } = useTranslation(['education', 'common']);
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { register, handleSubmit, watch, setValue, reset, formState } = useForm<ProfileFields>({
    defaultValues: { qualifications: initial.qualifications, languages: initial.languages },
  });
  const save = useMutation({
    mutationFn: (body: ProfileFields) => practitionerProfileApi.save(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['education', 'practitioner-profile', id], saved);
      // The form keeps what was saved as its new starting point, so "Saved" shows until the next edit.
      reset({ qualifications: saved.qualifications, languages: saved.languages });
    },
  });
  const languages = watch('languages');
  const codes = [...LANGUAGE_CODES, ...initial.languages.filter((code) => !(LANGUAGE_CODES as readonly string[]).includes(code))];
  const status = save.isPending ? 'saving' : formState.isDirty ? 'dirty' : save.isSuccess ? 'saved' : 'idle';

  return (
    <form
      className="st-form"
      noValidate
      onSubmit={(event) =>
        void handleSubmit((fields) =>
          save.mutate({ qualifications: { en: fields.qualifications.en.trim(), ar: fields.qualifications.ar.trim() }, languages: fields.languages }),
        )(event)
      }
    >
      <div className="st-form-row">
        <TextAreaField label={t('profile.qualificationsEn')} rows={3} maxLength={500} lang="en" dir="ltr" {...register('qualifications.en')} />
        <TextAreaField label={t('profile.qualificationsAr')} rows={3} maxLength={500} lang="ar" dir="rtl" {...register('qualifications.ar')} />
      </div>
      <fieldset className="st-fieldset">
        <legend>{t('profile.languages')}</legend>
        {codes.map((code) => (
          <CheckboxField
            key={code}
            label={t(`profile.languageNames.${code}`, { defaultValue: code })}
            checked={languages.includes(code)}
            onChange={(e) => setValue('languages', e.target.checked ? [...languages, code] : languages.filter((x) => x !== code), { shouldDirty: true })}
          />
        ))}
      </fieldset>
      {save.error ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
      <div className="st-form-actions">
        {status === 'idle' ? null : <SaveStatus status={status}>{t(`profile.status.${status}`)}</SaveStatus>}
        <Button type="submit" busy={save.isPending}>
          {t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
