import type { ReviewDto, SafetyDto } from '../api/safety-api.ts';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { useTranslation } from 'react-i18next';

/**
 * Whether treatment may start, at the top of the page and impossible to miss. A referral (by
 * the screen or by a physician) reads "Refer before treatment"; other blocks are listed.
 */
export function GateBanner({ gate, latestReview }: { gate: SafetyDto['gate']; latestReview: ReviewDto | undefined }) {
  const { t } = useTranslation('safety');
  const { dateTime } = useSafetyLabels();
  const referral = gate.blocks.includes('referred_by_physician') ? latestReview?.referral : undefined;
  const referred = gate.blocks.includes('physician_clearance_required') || gate.blocks.includes('referred_by_physician');
  if (!gate.allowed) {
    return (
      <div className={`sf-gate ${referred ? 'sf-gate--refer' : 'sf-gate--blocked'}`} role="alert" data-gate="blocked">
        <p className="sf-gate__title">{referred ? t('gate.referTitle') : t('gate.blockedTitle')}</p>
        <ul>
          {gate.blocks.map((block) => (
            <li key={block} data-block={block}>
              {t(`gate.blocks.${block}`)}
            </li>
          ))}
        </ul>
        {referral && latestReview ? (
          <p className="sf-gate__referral">
            {t('history.referral', { to: referral.to, urgency: t(`urgency.${referral.urgency}`) })} ·{' '}
            {t('history.by', { name: latestReview.physicianName, time: dateTime(latestReview.at) })}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className={`sf-gate ${gate.withPrecautions ? 'sf-gate--precautions' : 'sf-gate--clear'}`} role="status" data-gate="allowed">
      <p className="sf-gate__title">{gate.withPrecautions ? t('gate.precautionsTitle') : t('gate.clearedTitle')}</p>
      {gate.withPrecautions ? <p>{t('gate.precautions')}</p> : null}
    </div>
  );
}
