import { PatientPatch as PatientPatchSchema } from '@myomap/contract/clinical/patients.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../components/ui/alert.tsx';
import { Button } from '../../../../components/ui/button.tsx';
import { Card } from '../../../../components/ui/card.tsx';
import { DefinitionList } from '../../../../components/ui/definition-list.tsx';
import { SaveStatus, type SaveStatusState } from '../../../../components/ui/save-status.tsx';
import { SelectField } from '../../../../components/ui/select-field.tsx';
import { TextField } from '../../../../components/ui/text-field.tsx';
import { useUnsavedChangesGuard } from '../../../../components/ui/use-unsaved-changes-guard.ts';
import { useErrorText } from '../../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { contractResolver } from '../../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../../lib/forms/field-error.tsx';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { MessageChannel } from '@myomap/contract/clinical/patients.schemas';
import { clinicalApi, type DemographicField, type PatientDto, type PatientPatch, type PatientRecordDto } from '../../api/clinical-api.ts';
import { clinicalKeys } from '../../api/clinical-queries.ts';
import { DemographicValue } from './demographic-value.tsx';

/** The demographics, plus how the patient wants to hear from the clinic (email, SMS or WhatsApp). */
type Draft = Record<DemographicField, string> & { preferredChannel: MessageChannel };

const FIELDS: readonly DemographicField[] = [
  'name',
  'email',
  'phone',
  'dateOfBirth',
  'sex',
  'preferredLanguage',
  'emergencyContactName',
  'emergencyContactPhone',
];

const CHANNELS: readonly MessageChannel[] = ['email', 'sms', 'whatsapp'];

function draftOf(patient: PatientDto): Draft {
  return {
    ...(Object.fromEntries(FIELDS.map((field) => [field, patient[field] ?? ''])) as Record<DemographicField, string>),
    preferredChannel: patient.preferredChannel ?? 'email',
  };
}

/** Only what changed goes in the PATCH, so the audit log's before/after names just those fields; a cleared optional field is null. */
function patchOf(draft: Draft, patient: PatientDto): PatientPatch {
  const patch: Record<string, string | null> = {};
  for (const field of FIELDS) {
    const value = draft[field].trim();
    if (value === (patient[field] ?? '')) continue;
    patch[field] = value === '' && field !== 'name' && field !== 'email' ? null : value;
  }
  if (draft.preferredChannel !== (patient.preferredChannel ?? 'email')) patch.preferredChannel = draft.preferredChannel;
  return patch;
}

function usePatchPatient(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PatientPatch) => clinicalApi.updatePatient(patientId, patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.patient(patientId) });
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.patients() });
    },
  });
}

/** The record's demographics: read, edited in place (PATCH, audited with before and after), and the intake's differing answers to accept. */
export function DemographicsCard({ record }: { record: PatientRecordDto }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record' });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { patient } = record;
  return (
    <Card as="section" aria-labelledby="record-demographics" className="record-card" id="section-demographics">
      <div className="record-card__head">
        <h2 id="record-demographics">{t('demographics.title')}</h2>
        <span className="record-card__tools">
          {!editing && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('demographics.edit')}
            </Button>
          )}
          {/* Always in the page, so the live region exists before "Saved" is put in it. */}
          {!editing && (
            <SaveStatus as="span" status={saved ? 'saved' : 'idle'}>
              {saved ? t('demographics.saved') : null}
            </SaveStatus>
          )}
        </span>
      </div>
      {editing ? (
        <DemographicsForm
          patient={patient}
          onDone={(didSave) => {
            setSaved(didSave);
            setEditing(false);
          }}
        />
      ) : (
        <DefinitionList
          items={[
            ...FIELDS.map((field) => ({ key: field, term: t(`fields.${field}`), value: <DemographicValue field={field} value={patient[field] ?? null} /> })),
            { key: 'preferredChannel', term: t('fields.preferredChannel'), value: t(`channels.${patient.preferredChannel ?? 'email'}`) },
          ]}
        />
      )}
      <IntakeSuggestions record={record} />
    </Card>
  );
}

function DemographicsForm({ patient, onDone }: { patient: PatientDto; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation(['clinical', 'common']);
  const fieldError = useFieldErrorText();
  const errorText = useErrorText();
  const save = usePatchPatient(patient.id);
  const resolver = contractResolver<Draft, PatientPatch>(PatientPatchSchema, {
    toBody: (draft) => patchOf(draft, patient),
    fields: Object.fromEntries(FIELDS.map((field) => [`/${field}`, field])),
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<Draft, unknown, PatientPatch>({ defaultValues: draftOf(patient), resolver });
  useUnsavedChangesGuard(isDirty && !save.isSuccess);
  const submit = (patch: PatientPatch) =>
    Object.keys(patch).length === 0
      ? onDone(false)
      : save.mutateAsync(patch).then(
          () => onDone(true),
          () => undefined,
        );
  const status: SaveStatusState = isSubmitting ? 'saving' : save.isError ? 'failed' : isDirty ? 'dirty' : 'idle';
  const text = (field: DemographicField) => t(`record.fields.${field}`);
  const err = (field: DemographicField) => fieldError(errors[field]);
  return (
    <form className="record-form" onSubmit={(event) => void handleSubmit(submit)(event)} noValidate aria-label={t('record.demographics.title')}>
      <TextField label={text('name')} maxLength={200} autoComplete="off" error={err('name')} {...register('name')} />
      <TextField label={text('email')} type="email" dir="ltr" autoComplete="off" error={err('email')} {...register('email')} />
      <TextField label={text('phone')} type="tel" dir="ltr" error={err('phone')} {...register('phone')} />
      <TextField label={text('dateOfBirth')} type="date" error={err('dateOfBirth')} {...register('dateOfBirth')} />
      <SelectField
        label={text('sex')}
        error={err('sex')}
        options={[
          { value: '', label: t('clinical:fields.choose') },
          ...(['female', 'male', 'other', 'unknown'] as const).map((sex) => ({ value: sex, label: t(`clinical:patients.sexes.${sex}`) })),
        ]}
        {...register('sex')}
      />
      <SelectField
        label={text('preferredLanguage')}
        options={[
          { value: 'en', label: 'English', lang: 'en' },
          { value: 'ar', label: 'العربية', lang: 'ar' },
        ]}
        {...register('preferredLanguage')}
      />
      <SelectField
        label={t('record.fields.preferredChannel')}
        hint={t('record.channelHint')}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`record.channels.${channel}`) }))}
        {...register('preferredChannel')}
      />
      <TextField label={text('emergencyContactName')} maxLength={200} error={err('emergencyContactName')} {...register('emergencyContactName')} />
      <TextField
        label={text('emergencyContactPhone')}
        type="tel"
        dir="ltr"
        maxLength={30}
        error={err('emergencyContactPhone')}
        {...register('emergencyContactPhone')}
      />
      <div className="record-form__actions">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {t('record.demographics.save')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => onDone(false)} disabled={isSubmitting}>
          {t('record.demographics.cancel')}
        </Button>
        <SaveStatus as="span" status={status}>
          {status === 'saving' ? t('record.demographics.saving') : status === 'dirty' ? t('record.demographics.unsaved') : null}
        </SaveStatus>
      </div>
      {Object.keys(errors).length > 0 && <Alert tone="error">{t('record.demographics.invalid')}</Alert>}
      {save.isError && <Alert tone="error">{errorText(save.error)}</Alert>}
    </form>
  );
}

/** "The intake says X": the patient's answer where the record holds another value, accepted with one click. */
function IntakeSuggestions({ record }: { record: PatientRecordDto }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record' });
  const errorText = useErrorText();
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const accept = usePatchPatient(record.patient.id);
  if (record.intakeSuggestions.length === 0) return null;
  return (
    <div className="record-suggestions" aria-labelledby="record-suggestions-title">
      <h3 id="record-suggestions-title">{t('demographics.suggestionsTitle')}</h3>
      <p className="record-muted">{t('demographics.suggestionsHint')}</p>
      <ul className="record-list">
        {record.intakeSuggestions.map((s) => (
          <li key={s.field} className="record-suggestion" data-field={s.field}>
            <span>
              <strong>{t(`fields.${s.field}`)}</strong>: <DemographicValue field={s.field} value={record.patient[s.field] ?? null} /> ·{' '}
              {t('demographics.intakeSays', { when: formatInstant(s.submittedAt, timeZone, language, 'medium') })}{' '}
              <DemographicValue field={s.field} value={s.value} />
            </span>
            <Button size="sm" variant="secondary" disabled={accept.isPending} onClick={() => accept.mutate({ [s.field]: s.value })}>
              {accept.isPending && accept.variables[s.field] !== undefined ? t('demographics.accepting') : t('demographics.accept')}
            </Button>
          </li>
        ))}
      </ul>
      {accept.isError && <Alert tone="error">{errorText(accept.error)}</Alert>}
    </div>
  );
}
