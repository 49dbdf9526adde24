import type { ScreeningOutcome } from '@myomap/domain/screening/screening-result';
import { Tag, type TagTone } from '../../../components/ui/tag.tsx';
import type { ReviewDecision, Urgency } from '../api/safety-api.ts';
import { useTranslation } from 'react-i18next';

const URGENCY_TONE: Record<Urgency, TagTone> = { emergency: 'danger', same_day: 'warning', soon: 'info' };
const OUTCOME_TONE: Record<ScreeningOutcome, TagTone> = { refer_before_treatment: 'danger', proceed_with_precautions: 'warning', proceed: 'success' };
const DECISION_TONE: Record<ReviewDecision, TagTone> = { refer: 'danger', clear_with_precautions: 'warning', clear: 'success' };

/** Emergency red, same day amber, soon blue: the order a physician should look at them. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation('safety');
  return (
    <Tag tone={URGENCY_TONE[urgency]} strong={urgency !== 'soon'} title={t(`urgencyHint.${urgency}`)} data-urgency-tag={urgency}>
      {t(`urgency.${urgency}`)}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: ScreeningOutcome }) {
  const { t } = useTranslation('safety');
  return <Tag tone={OUTCOME_TONE[outcome]}>{t(`outcome.${outcome}`)}</Tag>;
}

/** A physician's decision: refer red, clear with precautions amber, clear green. */
export function DecisionTag({ decision }: { decision: ReviewDecision }) {
  const { t } = useTranslation('safety');
  return <Tag tone={DECISION_TONE[decision]}>{t(`decision.${decision}`)}</Tag>;
}
