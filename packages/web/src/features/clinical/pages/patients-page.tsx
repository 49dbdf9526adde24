import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { clinicalApi, type PatientDto } from '../api/clinical-api.ts';
import { NewPatientForm } from '../components/new-patient-form.tsx';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';

export function PatientsPage() {
  return (
    <div className="clinical">
      <PatientList />
    </div>
  );
}

function PatientList() {
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const identity = useTranslation('clinical', { keyPrefix: 'identity' });
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const [patients, setPatients] = useState<PatientDto[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let live = true;
    clinicalApi
      .patients(query)
      .then((found) => {
        if (!live) return;
        setPatients(found);
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [query]);

  return (
    <>
      <div className="page-head">
        <h1>{t('patients.title')}</h1>
        <div className="button-row">
          <ButtonLink variant="secondary" size="sm" to="/staff/patients/duplicates">
            {identity.t('duplicates.link')}
          </ButtonLink>
          <Button size="sm" onClick={() => setCreating(!creating)} aria-expanded={creating}>
            {t('patients.new')}
          </Button>
        </div>
      </div>
      {creating && <NewPatientForm onCreated={(patient) => void navigate(`/staff/patients/${patient.id}`)} onCancel={() => setCreating(false)} />}
      <div className="card">
        <label className="field field--grow">
          <span>{t('patients.search')}</span>
          <input type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder={t('patients.searchHint')} />
        </label>
        {failed && <p className="error">{t('status.loadFailed')}</p>}
        {patients === undefined && !failed && <p className="muted">{t('common:loading')}</p>}
        {patients?.length === 0 && <p className="muted">{t('patients.none')}</p>}
        {patients && patients.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th>{t('patients.name')}</th>
                <th>{t('patients.email')}</th>
                <th>{t('patients.phone')}</th>
                <th>{t('patients.dateOfBirth')}</th>
              </tr>
            </thead>
            <tbody>
              {patients.map((patient) => (
                <tr key={patient.id}>
                  <td>
                    <Link to={`/staff/patients/${patient.id}`}>{patient.name}</Link>
                  </td>
                  <td dir="ltr">{patient.email}</td>
                  <td dir="ltr">{patient.phone ?? ''}</td>
                  <td>{patient.dateOfBirth ? formatDay(patient.dateOfBirth, language, 'medium') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
