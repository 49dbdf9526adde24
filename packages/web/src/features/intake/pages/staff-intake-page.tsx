import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import type { IntakeTarget } from '../api/intake-api.ts';
import { IntakeFlow } from '../components/intake-flow.tsx';
import { IntakeFrame, useClinicContact } from '../components/intake-frame.tsx';

/**
 * /staff/appointments/:id/intake — the same form on the reception tablet, by appointment. The staff
 * frame's guard (without its bars) has signed the receptionist in; the patient sees the intake frame.
 */
export function StaffIntakePage() {
  const { t } = useTranslation('intake');
  const { id = '' } = useParams();
  const user = useStaffUser();
  const clinic = useClinicContact();
  const target = useMemo<IntakeTarget>(() => ({ kind: 'staff', appointmentId: id }), [id]);
  return (
    <IntakeFrame clinic={clinic} extra={<span className="ik-staff-user">{user.name}</span>}>
      <PageHeader eyebrow={t('staffEyebrow')} title={t('staffTitle')} />
      <IntakeFlow target={target} atReception clinicPhone={undefined} />
    </IntakeFrame>
  );
}
