import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PatientPicker } from '../../../components/patient-picker/patient-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { patientsQuery } from '../api/clinical-queries.ts';
import { NewPatientForm } from '../components/new-patient-form.tsx';

export function PatientsPage() {
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const errorText = useErrorText();
  const identity = useTranslation('clinical', { keyPrefix: 'identity' });
  const navigate = useNavigate();
  // The picker finds anyone; the table below is the desk's recent patients (latest visit or registration first).
  const query = useQuery(patientsQuery(''));
  const [creating, setCreating] = useState(false);
  const patients = query.data;

  return (
    <PageFrame
      className="clinical"
      title={t('patients.title')}
      actions={
        <>
          <ButtonLink variant="secondary" size="sm" to="/staff/patients/duplicates">
            {identity.t('duplicates.link')}
          </ButtonLink>
          <Button size="sm" onClick={() => setCreating(!creating)} aria-expanded={creating}>
            {t('patients.new')}
          </Button>
        </>
      }
    >
      {creating && <NewPatientForm onCreated={(patient) => void navigate(`/staff/patients/${patient.id}`)} onCancel={() => setCreating(false)} />}
      <div className="card">
        <PatientPicker
          label={t('common:patientPicker.label')}
          value={null}
          clearOnSelect
          onChange={(patient) => {
            if (patient) void navigate(`/staff/patients/${patient.id}`);
          }}
        />
        <h2 className="clinical-recent-heading">{t('common:patientPicker.recent')}</h2>
        {query.isError && <Alert tone="error">{errorText(query.error)}</Alert>}
        {query.isPending && <LoadingState label={t('common:loading')} />}
        {patients && (
          <Table
            caption={t('common:patientPicker.recent')}
            captionHidden
            stackOnPhone
            compact
            bare
            empty={patients.length === 0 ? t('patients.none') : undefined}
          >
            <thead>
              <tr>
                <th scope="col">{t('patients.name')}</th>
                <th scope="col">{t('patients.email')}</th>
                <th scope="col">{t('patients.phone')}</th>
                <th scope="col">{t('patients.dateOfBirth')}</th>
              </tr>
            </thead>
            <tbody>
              {patients.map((patient) => (
                <tr key={patient.id}>
                  <td data-label={t('patients.name')}>
                    <Link to={`/staff/patients/${patient.id}`}>{patient.name}</Link>
                  </td>
                  <td data-label={t('patients.email')} dir="ltr">
                    {patient.email}
                  </td>
                  <td data-label={t('patients.phone')} dir="ltr">
                    {patient.phone ?? ''}
                  </td>
                  <td data-label={t('patients.dateOfBirth')}>{patient.dateOfBirth ? formatDay(patient.dateOfBirth, language, 'medium') : ''}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </PageFrame>
  );
}
