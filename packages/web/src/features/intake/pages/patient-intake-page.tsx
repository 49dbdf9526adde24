import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import type { IntakeTarget } from '../api/intake-api.ts';
import { IntakeFlow } from '../components/intake-flow.tsx';
import { IntakeFrame, useClinicContact } from '../components/intake-frame.tsx';
import { useTranslation } from 'react-i18next';

/** /intake/:reference?token=… — the link in the booking confirmation; no account needed. */
export function PatientIntakePage() {
  const { t } = useTranslation('intake');
  const { reference = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const clinic = useClinicContact();
  const target = useMemo<IntakeTarget>(() => ({ kind: 'patient', reference, token }), [reference, token]);
  return (
    <IntakeFrame clinic={clinic}>
      <PageHeader title={t('title')} />
      {token ? (
        <IntakeFlow target={target} atReception={false} clinicPhone={clinic?.phone} />
      ) : (
        <Alert tone="error" title={t('invalidLink.title')}>
          <p>{t('invalidLink.body')}</p>
        </Alert>
      )}
    </IntakeFrame>
  );
}
