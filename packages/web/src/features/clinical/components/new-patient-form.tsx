import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { clinicalApi, type NewPatient, type PatientDto, type Sex } from '../api/clinical-api.ts';
import { useClinicalTranslation } from '../lib/use-clinical-translation.ts';
import { Button } from '../../../components/ui/button.tsx';

const empty = { name: '', email: '', phone: '', dateOfBirth: '', sex: '', preferredLanguage: 'en', emergencyContactName: '', emergencyContactPhone: '' };

export function NewPatientForm({ onCreated, onCancel }: { onCreated: (patient: PatientDto) => void; onCancel: () => void }) {
  const { t } = useClinicalTranslation();
  const [form, setForm] = useState(empty);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof empty) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const patient: NewPatient = {
      name: form.name.trim(),
      email: form.email.trim(),
      ...(optional(form.phone) ? { phone: form.phone.trim() } : {}),
      ...(form.dateOfBirth ? { dateOfBirth: form.dateOfBirth } : {}),
      ...(form.sex ? { sex: form.sex as Sex } : {}),
      preferredLanguage: form.preferredLanguage === 'ar' ? 'ar' : 'en',
      ...(optional(form.emergencyContactName) ? { emergencyContactName: form.emergencyContactName.trim() } : {}),
      ...(optional(form.emergencyContactPhone) ? { emergencyContactPhone: form.emergencyContactPhone.trim() } : {}),
    };
    try {
      onCreated(await clinicalApi.createPatient(patient));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 400 ? t('patients.invalid') : t('status.saveFailed'));
      setBusy(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={(event) => void submit(event)} aria-label={t('patients.new')}>
      <label className="field">
        <span>{t('patients.name')}</span>
        <input required maxLength={200} value={form.name} onChange={set('name')} autoComplete="off" />
      </label>
      <label className="field">
        <span>{t('patients.email')}</span>
        <input required type="email" dir="ltr" value={form.email} onChange={set('email')} autoComplete="off" />
      </label>
      <label className="field">
        <span>{t('patients.phone')}</span>
        <input type="tel" dir="ltr" pattern="[+0-9 ()\-]{5,30}" value={form.phone} onChange={set('phone')} />
      </label>
      <label className="field">
        <span>{t('patients.dateOfBirth')}</span>
        <input type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} />
      </label>
      <label className="field">
        <span>{t('patients.sex')}</span>
        <select value={form.sex} onChange={set('sex')}>
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
        <select value={form.preferredLanguage} onChange={set('preferredLanguage')}>
          <option value="en">English</option>
          <option value="ar">العربية</option>
        </select>
      </label>
      <label className="field">
        <span>{t('patients.emergencyName')}</span>
        <input maxLength={200} value={form.emergencyContactName} onChange={set('emergencyContactName')} />
      </label>
      <label className="field">
        <span>{t('patients.emergencyPhone')}</span>
        <input type="tel" dir="ltr" maxLength={30} value={form.emergencyContactPhone} onChange={set('emergencyContactPhone')} />
      </label>
      <div className="button-row full-row">
        <Button type="submit" size="sm" disabled={busy}>
          {t('patients.create')}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        {error && <span className="error" role="alert">{error}</span>}
      </div>
    </form>
  );
}
