/**
 * Whether a treatment session may start, and why not. An access policy as a plain function:
 * the server loads the facts and asks. Screening errs towards referral, so every missing fact
 * blocks: no current consent, no submitted intake screen, or a referral (or a precaution that
 * requires clearance) no physician has cleared.
 */
export type ScreeningOutcome = 'proceed' | 'proceed_with_precautions' | 'refer_before_treatment';
export type ReviewDecision = 'clear' | 'clear_with_precautions' | 'refer';

export interface TreatmentGateFacts {
  currentConsentVersion: string;
  /** The newest consent version this patient signed, if any. */
  signedConsentVersion: string | undefined;
  /**
   * The latest screening of the patient's intake, if submitted. clearanceRequired: a precaution that
   * a physician must clear first (cancer under treatment, uncontrolled blood pressure) applies.
   */
  screening: { id: string; outcome: ScreeningOutcome; at: Date; clearanceRequired?: boolean } | undefined;
  /** The latest physician review made after that screening, if any. */
  review: { decision: ReviewDecision; at: Date } | undefined;
}

export type GateBlock = 'consent_required' | 'screening_required' | 'physician_clearance_required' | 'referred_by_physician';

export interface TreatmentGate {
  allowed: boolean;
  blocks: GateBlock[];
  /** Precautions apply: shown on every visit. */
  withPrecautions: boolean;
}

export function decideTreatmentGate(facts: TreatmentGateFacts): TreatmentGate {
  const blocks: GateBlock[] = [];
  if (facts.signedConsentVersion !== facts.currentConsentVersion) blocks.push('consent_required');
  const { screening, review } = facts;
  const reviewCounts = review && screening && review.at >= screening.at ? review : undefined;
  if (!screening) blocks.push('screening_required');
  else if (reviewCounts?.decision === 'refer') blocks.push('referred_by_physician');
  else if ((screening.outcome === 'refer_before_treatment' || screening.clearanceRequired) && !reviewCounts) blocks.push('physician_clearance_required');
  const withPrecautions =
    screening?.outcome === 'proceed_with_precautions' ||
    reviewCounts?.decision === 'clear_with_precautions' ||
    (screening?.outcome === 'refer_before_treatment' && reviewCounts?.decision === 'clear');
  return { allowed: blocks.length === 0, blocks, withPrecautions };
}
