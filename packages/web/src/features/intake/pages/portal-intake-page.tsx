import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import type { IntakeTarget } from '../api/intake-api.ts';
import { portalCsrfQuery } from '../api/intake-queries.ts';
import { IntakeFlow } from '../components/intake-flow.tsx';
import { IntakeFrame, useClinicContact } from '../components/intake-frame.tsx';

/**
 * /portal/visits/:id/intake — the same form and consent, opened from the patient portal for one of
 * the signed-in patient's own visits (the server checks the visit is theirs; 404 otherwise).
 */
export function PortalIntakePage() {
  const { t } = useTranslation('intake');
  const { id = '' } = useParams();
  const clinic = useClinicContact();
  const session = useQuery(portalCsrfQuery);
  const csrfToken = session.data ?? '';
  const target = useMemo<IntakeTarget>(() => ({ kind: 'portal', appointmentId: id, csrfToken }), [id, csrfToken]);
  return (
    <IntakeFrame clinic={clinic}>
      {/* In the page, not the header: on a phone the header has room for the clinic and the language only. */}
      <p>
        <ButtonLink to="/portal" variant="ghost" size="sm">
          {t('portal.back')}
        </ButtonLink>
      </p>
      <PageHeader title={t('title')} />
      {session.isPending ? (
        <LoadingState label={t('loading')} />
      ) : session.data ? (
        <IntakeFlow target={target} atReception={false} clinicPhone={clinic?.phone} />
      ) : (
        <Alert tone="info" title={t('portal.signedOut')}>
          <ButtonLink to="/portal">{t('portal.signIn')}</ButtonLink>
        </Alert>
      )}
    </IntakeFrame>
  );
}
