import { useTranslation } from 'react-i18next';
import { Tag, type TagTone } from '../../../components/ui/tag.tsx';
import type { ReferralStatus, ReferralUrgency } from '../api/referrals-api.ts';

const STATUS_TONES: Record<ReferralStatus, TagTone> = {
  drafted: 'neutral',
  signed: 'primary',
  sent: 'info',
  acknowledged: 'info',
  appointment_booked: 'info',
  result_received: 'warning',
  closed: 'success',
  cancelled: 'neutral',
  received: 'warning',
  accepted: 'success',
  declined: 'neutral',
};
const URGENCY_TONES: Record<ReferralUrgency, TagTone> = { emergency: 'danger', same_day: 'danger', soon: 'warning', routine: 'neutral' };

export function StatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation('referrals');
  return <Tag tone={STATUS_TONES[status]}>{t(`status.${status}`)}</Tag>;
}

export function UrgencyTag({ urgency }: { urgency: ReferralUrgency }) {
  const { t } = useTranslation('referrals');
  return <Tag tone={URGENCY_TONES[urgency]}>{t(`urgency.${urgency}`)}</Tag>;
}
