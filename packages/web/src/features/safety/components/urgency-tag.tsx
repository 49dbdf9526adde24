import type { ScreeningOutcome } from '@myomap/domain/screening/screening-result';
import type { Urgency } from '../api/safety-api.ts';
import { useTranslation } from 'react-i18next';

/** Emergency red, same day amber, soon muted: the order a physician should look at them. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation('safety');
  return (
    <span className={`sf-tag sf-tag--${urgency}`} title={t(`urgencyHint.${urgency}`)}>
      {t(`urgency.${urgency}`)}
    </span>
  );
}

export function OutcomeTag({ outcome }: { outcome: ScreeningOutcome }) {
  const { t } = useTranslation('safety');
  return <span className={`sf-tag sf-tag--${outcome}`}>{t(`outcome.${outcome}`)}</span>;
}
