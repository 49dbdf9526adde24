import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import type { PatientDetails } from '../api/public-api.ts';
import type { PatientDraft } from '../lib/patient-draft.ts';
import { patientResolver } from '../lib/patient-resolver.ts';
import { PatientFields } from './patient-fields.tsx';

export interface PatientDetailsFormProps {
  patient: PatientDraft;
  onPatientChange(next: PatientDraft): void;
  /** Called with the details as the server will receive them, once they pass PatientIn. */
  onDone(details: PatientDetails): void;
}

/** The booking's details step. On a mistake, the field says so and focus moves to the first one. */
export function PatientDetailsForm({ patient, onPatientChange, onDone }: PatientDetailsFormProps) {
  const { t } = useTranslation('booking');
  const form = useForm<PatientDraft, unknown, PatientDetails>({ defaultValues: patient, resolver: patientResolver });
  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void form.handleSubmit(onDone)(event)} noValidate className="pb-form">
        <MutedText>{t('book.details.intro')}</MutedText>
        <PatientFields idPrefix="patient" onDraftChange={onPatientChange} />
        <div className="pb-actions">
          <Button type="submit" size="lg">
            {t('common.continue')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
