import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import type { IntakeTarget } from '../api/intake-api.ts';
import { IntakeFlow } from '../components/intake-flow.tsx';
import { IntakeFrame, useClinicContact } from '../components/intake-frame.tsx';
import { useStaffSession } from '../../../lib/use-staff-session.ts';

/** /staff/appointments/:id/intake — the same form on the reception tablet, by appointment, signed in. */
export function StaffIntakePage() {
  const { t } = useTranslation('intake');
  const { t: tc } = useTranslation('common');
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useStaffSession();
  const clinic = useClinicContact();
  const target = useMemo<IntakeTarget>(() => ({ kind: 'staff', appointmentId: id }), [id]);

  if (session.status === 'signed-out') return <Navigate to={`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <IntakeFrame clinic={clinic} extra={session.status === 'ready' ? <span className="ik-staff-user">{session.user.name}</span> : null}>
      <PageHeader eyebrow={t('staffEyebrow')} title={t('staffTitle')} />
      {session.status === 'loading' ? <LoadingState label={tc('loading')} /> : null}
      {session.status === 'error' ? <Alert tone="error">{tc('error.generic')}</Alert> : null}
      {session.status === 'ready' ? <IntakeFlow target={target} atReception clinicPhone={undefined} /> : null}
    </IntakeFrame>
  );
}
