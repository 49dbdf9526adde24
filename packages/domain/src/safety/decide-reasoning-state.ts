import type { Localized } from '../knowledge/knowledge-schemas.ts';
import type { ReviewDecision, ScreeningOutcome } from './decide-treatment-gate.ts';

/**
 * Where a red flag stands, reasoning stops: while the latest screen refers and no physician has
 * cleared the patient since (or a physician referred them on), the source finder and the plan
 * proposal are suspended, and say why. Trigger-point referral patterns would otherwise offer a
 * muscle to explain what may be a fracture, a clot or a cord compression (clinical reference §5.1).
 */
export interface ReasoningFacts {
  screening:
    | {
        outcome: ScreeningOutcome;
        at: Date;
        redFlags: readonly { id: string; name: Localized }[];
        /** The screen's own referral reason ("Suspected: …"), if it has one. */
        reason?: Localized;
      }
    | undefined;
  review: { decision: ReviewDecision; at: Date } | undefined;
}

export type ReasoningState =
  | { status: 'active' }
  | {
      status: 'suspended';
      cause: 'screen_refers' | 'referred_by_physician';
      reason: Localized;
      redFlags: { id: string; name: Localized }[];
    };

const MESSAGES = {
  screen_refers: {
    en: 'Trigger-point reasoning is suspended until a physician clears this patient.',
    ar: 'التفكير القائم على النقاط الزنادية معلّق حتى يأذن طبيب بعلاج هذا المريض.',
  },
  referred_by_physician: {
    en: 'Trigger-point reasoning is suspended: a physician has referred this patient on.',
    ar: 'التفكير القائم على النقاط الزنادية معلّق: أحال طبيب هذا المريض إلى جهة أخرى.',
  },
} as const;

export function decideReasoningState(facts: ReasoningFacts): ReasoningState {
  const { screening, review } = facts;
  // A physician's referral stands until a physician decides again, whatever screen came after
  // (decide-treatment-gate.ts): reasoning stays suspended with or without a screen.
  if (review?.decision === 'refer') {
    const redFlags = (screening?.redFlags ?? []).map(({ id, name }) => ({ id, name }));
    return { status: 'suspended', cause: 'referred_by_physician', reason: MESSAGES.referred_by_physician, redFlags };
  }
  if (!screening) return { status: 'active' };
  const reviewCounts = review && review.at >= screening.at ? review : undefined;
  const redFlags = screening.redFlags.map(({ id, name }) => ({ id, name }));
  const withReason = (message: Localized): Localized =>
    screening.reason ? { en: `${message.en} ${screening.reason.en}`, ar: `${message.ar} ${screening.reason.ar}` } : message;
  if (screening.outcome === 'refer_before_treatment' && !reviewCounts) {
    return { status: 'suspended', cause: 'screen_refers', reason: withReason(MESSAGES.screen_refers), redFlags };
  }
  return { status: 'active' };
}
