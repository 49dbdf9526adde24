import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { treatmentApi } from '../api/treatment-api.ts';

/**
 * A physician reviewed a referral's result and asked for the plan to change: the plan opens with
 * that result beside it (what came back, the physician's instruction, the report), so the change
 * is made with the evidence in view (/staff/plans/:id?fromReferral=…).
 */
export function ReferralResultBanner({ referralId }: { referralId: string }) {
  const { t } = useTranslation('treatment');
  const referral = useQuery({ queryKey: ['referrals', referralId], queryFn: () => treatmentApi.referral(referralId) });
  const result = referral.data?.result;
  if (!referral.data || !result) return null;
  return (
    <Alert tone="warning" title={t('plan.fromReferral.title', { provider: referral.data.providerName ?? '' })}>
      <div data-testid="plan-referral-result">
        <p>
          <strong>{t('plan.fromReferral.result')}</strong> {result.summary}
        </p>
        {result.reviewNotes ? (
          <p>
            <strong>{t('plan.fromReferral.instruction')}</strong> {result.reviewNotes}
          </p>
        ) : null}
        <p>
          {result.documentId ? (
            <>
              <a href={`/api/staff/documents/${encodeURIComponent(result.documentId)}`} target="_blank" rel="noreferrer">
                {t('plan.fromReferral.report')}
              </a>
              {' · '}
            </>
          ) : null}
          <Link to={`/staff/referrals/${encodeURIComponent(referralId)}`}>{t('plan.fromReferral.open')}</Link>
        </p>
      </div>
    </Alert>
  );
}
