/**
 * Whether a treatment session may start, and why not. An access policy as a plain function:
 * the server loads the facts and asks. Screening errs towards referral, so every missing fact
 * blocks: no current consent, no submitted intake screen, or a referral (or a precaution that
 * requires clearance) no physician has cleared.
 *
 * Who may change what: a physician's decision (refer or clear) stands until a physician makes
 * another. A self-reported intake screen can only make things stricter: a new screen that refers
 * needs a new clearance, but no screen, however reassuring, lifts a physician's referral.
 */
import { blocksTreatment, type ReferralDirection, type ReferralStatus } from '../referrals/referral-lifecycle.ts';

export type ScreeningOutcome = 'proceed' | 'proceed_with_precautions' | 'refer_before_treatment';
export type ReviewDecision = 'clear' | 'clear_with_precautions' | 'refer';

export interface PhysicianReviewFact {
  decision: ReviewDecision;
  at: Date;
  /**
   * Set when the review was made on another patient record that was later merged into this one:
   * that record's id and when it was merged.
   */
  mergedFrom?: { recordId: string; at: Date } | undefined;
}

export interface TreatmentGateFacts {
  currentConsentVersion: string;
  /** The newest consent version this patient signed, if any. */
  signedConsentVersion: string | undefined;
  /**
   * The latest screening of the patient's intake, if submitted. clearanceRequired: a precaution that
   * a physician must clear first (cancer under treatment, uncontrolled blood pressure) applies.
   */
  screening: { id: string; outcome: ScreeningOutcome; at: Date; clearanceRequired?: boolean } | undefined;
  /**
   * The patient's earlier screens, when known. A screen that referred (or needed clearance) and that
   * no physician has cleared since keeps blocking, however reassuring a later self-reported screen is:
   * the red flag was raised once, and only a physician lifts it (the calendar's patient state agrees).
   */
  earlierScreenings?: readonly { outcome: ScreeningOutcome; at: Date; clearanceRequired?: boolean }[] | undefined;
  /** Every physician review of the patient (any order); or give only the latest as review. */
  reviews?: readonly PhysicianReviewFact[] | undefined;
  review?: PhysicianReviewFact | undefined;
  /**
   * The record came from an online booking and may be an existing patient (a shared email or
   * phone) whom staff have not yet checked. Its own history could hide the other record's
   * referral, so nobody treats until staff merge the two or confirm they are different people.
   */
  identityCheckRequired?: boolean | undefined;
  /**
   * The patient's referrals (issue 14). One raised for a red flag keeps treatment blocked until a
   * physician has reviewed its result and closed it (see referrals/referral-lifecycle blocksTreatment).
   */
  referrals?: readonly { direction: ReferralDirection; redFlag: boolean; status: ReferralStatus }[] | undefined;
}

export type GateBlock =
  'identity_check_required' | 'consent_required' | 'screening_required' | 'physician_clearance_required' | 'referred_by_physician' | 'referral_result_pending';

export interface TreatmentGate {
  allowed: boolean;
  blocks: GateBlock[];
  /** Precautions apply: shown on every visit. */
  withPrecautions: boolean;
}

const STRICTNESS: Record<ReviewDecision, number> = { clear: 0, clear_with_precautions: 1, refer: 2 };

/**
 * The physician decision in force. Within one record, the latest review. When records were
 * merged, each record's latest review stood for that record, and until a physician reviews
 * after the merge nobody has seen them together: the strictest of them stands, so a referral
 * on either record keeps blocking. (Errs towards referral, as screening does.)
 */
export function standingReview(reviews: readonly PhysicianReviewFact[]): PhysicianReviewFact | undefined {
  const newestFirst = [...reviews].sort((a, b) => b.at.getTime() - a.at.getTime());
  const latest = newestFirst[0];
  if (!latest) return undefined;
  const latestPerRecord = new Map<string, PhysicianReviewFact>();
  for (const review of newestFirst) {
    const record = review.mergedFrom?.recordId ?? '';
    if (!latestPerRecord.has(record)) latestPerRecord.set(record, review);
  }
  let standing = latest;
  for (const review of latestPerRecord.values()) {
    const supersededAfterMerge = review.mergedFrom && latest.at >= review.mergedFrom.at;
    if (!supersededAfterMerge && STRICTNESS[review.decision] > STRICTNESS[standing.decision]) standing = review;
  }
  return standing;
}

export function decideTreatmentGate(facts: TreatmentGateFacts): TreatmentGate {
  const blocks: GateBlock[] = [];
  if (facts.identityCheckRequired) blocks.push('identity_check_required');
  if (facts.signedConsentVersion !== facts.currentConsentVersion) blocks.push('consent_required');
  const { screening } = facts;
  const review = standingReview(facts.reviews ?? (facts.review ? [facts.review] : []));
  // A clearance answers the screens made before it; a later screen that refers raises new flags.
  const covered = (at: Date) => review !== undefined && review.decision !== 'refer' && review.at >= at;
  const flagged = [...(screening ? [screening] : []), ...(facts.earlierScreenings ?? [])].filter(
    (s) => s.outcome === 'refer_before_treatment' || s.clearanceRequired,
  );
  if (review?.decision === 'refer') blocks.push('referred_by_physician');
  else if (!screening) blocks.push('screening_required');
  else if (flagged.some((s) => !covered(s.at))) blocks.push('physician_clearance_required');
  if (review?.decision === 'refer' && !screening) blocks.push('screening_required');
  if ((facts.referrals ?? []).some(blocksTreatment)) blocks.push('referral_result_pending');
  const withPrecautions =
    screening?.outcome === 'proceed_with_precautions' ||
    review?.decision === 'clear_with_precautions' ||
    (review?.decision === 'clear' && flagged.some((s) => s.outcome === 'refer_before_treatment'));
  return { allowed: blocks.length === 0, blocks, withPrecautions };
}
