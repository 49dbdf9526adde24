import type { ImprovementCheck } from '@myomap/domain/safety/check-improvement';
import type { ReasoningState } from '@myomap/domain/safety/decide-reasoning-state';
import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { useSafetyLabels } from '../lib/use-safety-labels.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useTranslation } from 'react-i18next';

/**
 * What the rules cannot decide on their own: reasoning suspended, precautions awaiting clearance,
 * no improvement after weeks of treatment, and free text the patient typed.
 */
export function ScreenNotes({
  result,
  reasoning,
  clearanceRequired,
  improvement,
}: {
  result: ScreeningResult | undefined;
  reasoning: ReasoningState;
  clearanceRequired: string[];
  improvement: ImprovementCheck;
}) {
  const { t } = useTranslation('safety');
  const { pick } = useSafetyLabels();
  const freeText = result?.freeText ?? [];
  return (
    <>
      {reasoning.status === 'suspended' ? (
        <Alert tone="warning">
          <span data-reasoning="suspended">
            {t('extras.reasoningSuspended')} {pick(reasoning.reason)}
          </span>
        </Alert>
      ) : null}
      {clearanceRequired.length > 0 ? <Alert tone="warning">{t('extras.clearance', { ids: clearanceRequired.join(', ') })}</Alert> : null}
      {improvement.status === 'reassess' ? (
        <Alert tone="warning">
          <span data-improvement="reassess">
            {t('extras.reassess', { weeks: improvement.weeks, from: improvement.baseline.pain, to: improvement.latest.pain })}
          </span>
        </Alert>
      ) : null}
      {freeText.length > 0 ? (
        <Card as="section" className="sf-card" aria-labelledby="sf-free-text-title">
          <h2 id="sf-free-text-title">{t('extras.freeTextTitle')}</h2>
          <MutedText>{t('extras.freeTextHint')}</MutedText>
          <ul className="sf-free-text">
            {freeText.map((entry) => (
              <li key={entry.linkId} data-free-text={entry.linkId}>
                <strong>{pick(entry.question)}</strong>
                <p dir="auto">{entry.text}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
