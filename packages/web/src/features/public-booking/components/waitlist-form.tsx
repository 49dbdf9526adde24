import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { joinWaitlist } from '../api/public-api.ts';
import { revalidatePatient, toPatient, validatePatient, type PatientDraft, type PatientErrors } from '../lib/validate-patient.ts';
import { focusFirstError, PatientFields } from './patient-fields.tsx';
import { type DateString, daysBetween, formatDay } from '../../../lib/clinic-time/clinic-time.ts';

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

/** "None of these times suit" → a date range and contact details → POST /api/waitlist. */
export function WaitlistForm({ serviceId, practitionerId, initialFrom, initialTo, patient, onPatientChange, onClose }: WaitlistFormProps) {
  const { t, i18n } = useTranslation('booking');
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [errors, setErrors] = useState<PatientErrors>({});
  const [rangeError, setRangeError] = useState(false);
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validatePatient(patient);
    const span = from && to ? daysBetween(from, to) : -1;
    const badRange = span < 0 || span + 1 > MAX_DAYS;
    setErrors(found);
    setRangeError(badRange);
    if (badRange) {
      document.getElementById('waitlist-from')?.focus();
      return;
    }
    if (Object.keys(found).length > 0) {
      focusFirstError('waitlist', found);
      return;
    }
    setState('sending');
    try {
      await joinWaitlist({ serviceId, ...(practitionerId ? { practitionerId } : {}), dateFrom: from, dateTo: to, patient: toPatient(patient) });
      setState('done');
    } catch {
      setState('failed');
    }
  }

  if (state === 'done') {
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
    <form className="pb-waitlist" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="waitlist-title">
      <h3 id="waitlist-title">{t('waitlist.title')}</h3>
      <p className="pb-muted">{t('waitlist.intro')}</p>
      <div className="pb-fields pb-fields--pair">
        <TextField id="waitlist-from" type="date" label={t('waitlist.from')} value={from} onChange={(e) => setFrom(e.target.value)} required error={rangeError ? t('waitlist.rangeInvalid') : undefined} />
        <TextField id="waitlist-to" type="date" label={t('waitlist.to')} value={to} min={from} onChange={(e) => setTo(e.target.value)} required />
      </div>
      <PatientFields
        idPrefix="waitlist"
        value={patient}
        errors={errors}
        emailHint={t('details.waitlistEmailHint')}
        onChange={(next) => {
          onPatientChange(next);
          setErrors((previous) => revalidatePatient(previous, next));
        }}
      />
      {state === 'failed' ? <Alert tone="error" title={t('book.review.failed')} /> : null}
      <div className="pb-actions">
        <Button type="submit" busy={state === 'sending'}>
          {t('waitlist.submit')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('waitlist.cancel')}
        </Button>
      </div>
    </form>
  );
}
