import { useMutation } from '@tanstack/react-query';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { joinWaitlist } from '../api/public-api.ts';
import { type DateString, daysBetween, formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import type { PatientDetails } from '../api/public-api.ts';
import { PATIENT_FIELDS, toPatient, type PatientDraft } from '../lib/patient-draft.ts';
import { PatientFields } from './patient-fields.tsx';

export interface WaitlistFormProps {
  serviceId: string;
  practitionerId: string | undefined;
  initialFrom: DateString;
  initialTo: DateString;
  /** Shared with the booking form, so details typed in one appear in the other. */
  patient: PatientDraft;
  onPatientChange(next: PatientDraft): void;
  onClose(): void;
}

const MAX_DAYS = 92;

interface WaitlistDraft extends PatientDraft {
  from: DateString;
  to: DateString;
}

// The patient's part is checked by the contract's PatientIn; the range by the rule the server
// applies in POST /api/waitlist (to on or after from, at most 92 days), which no schema can say.
const waitlistResolver = contractResolver<WaitlistDraft, PatientDetails>(PatientIn, {
  toBody: toPatient,
  fields: PATIENT_FIELDS,
  check({ from, to }) {
    const span = from && to ? daysBetween(from, to) : -1;
    return span < 0 || span + 1 > MAX_DAYS ? { from: 'invalid' } : {};
  },
});

/** "None of these times suit" → a date range and contact details → POST /api/waitlist. */
export function WaitlistForm({ serviceId, practitionerId, initialFrom, initialTo, patient, onPatientChange, onClose }: WaitlistFormProps) {
  const { t, i18n } = useTranslation('booking');
  const form = useForm<WaitlistDraft, unknown, PatientDetails>({ defaultValues: { ...patient, from: initialFrom, to: initialTo }, resolver: waitlistResolver });
  const [from, to] = form.watch(['from', 'to']);
  const errorText = useErrorText();
  const join = useMutation({
    mutationFn: (details: PatientDetails) =>
      joinWaitlist({ serviceId, ...(practitionerId ? { practitionerId } : {}), dateFrom: from, dateTo: to, patient: details }),
  });

  if (join.isSuccess) {
    return (
      <Alert
        tone="success"
        title={t('waitlist.successTitle')}
        actions={
          <Button variant="secondary" onClick={onClose}>
            {t('waitlist.cancel')}
          </Button>
        }
      >
        <p>{t('waitlist.successBody', { from: formatDay(from, i18n.language), to: formatDay(to, i18n.language) })}</p>
      </Alert>
    );
  }

  return (
    <FormProvider {...form}>
      <form
        className="pb-waitlist"
        onSubmit={(event) => void form.handleSubmit((details) => join.mutate(details))(event)}
        noValidate
        aria-labelledby="waitlist-title"
      >
        <h3 id="waitlist-title">{t('waitlist.title')}</h3>
        <MutedText>{t('waitlist.intro')}</MutedText>
        <div className="pb-fields pb-fields--pair">
          <TextField
            id="waitlist-from"
            type="date"
            label={t('waitlist.from')}
            {...form.register('from')}
            required
            error={form.formState.errors.from ? t('waitlist.rangeInvalid') : undefined}
          />
          <TextField id="waitlist-to" type="date" label={t('waitlist.to')} {...form.register('to')} min={from} required />
        </div>
        <PatientFields idPrefix="waitlist" emailHint={t('details.waitlistEmailHint')} onDraftChange={onPatientChange} />
        {join.isError ? <Alert tone="error" title={errorText(join.error)} /> : null}
        <div className="pb-actions">
          <Button type="submit" busy={join.isPending}>
            {t('waitlist.submit')}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            {t('waitlist.cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
