/**
 * What a physician's review must say before it is recorded. A reason, not a tick: clearing an
 * emergency flag needs a written reason long enough to say what was checked ("seen in ED, MRI normal").
 */
export const MIN_EMERGENCY_REASON = 15;

export interface PhysicianReviewDraft {
  decision: 'clear' | 'clear_with_precautions' | 'refer';
  notes: string;
  precautions?: readonly string[] | undefined;
  referral?: unknown;
}

export type PhysicianReviewProblem = { code: 'validation_failed'; message: string } | { code: 'clearance_reason_required'; message: string; minLength: number };

/** The review's own shape: a referral says where to, precautions are listed. */
export function checkReviewContent(review: PhysicianReviewDraft): PhysicianReviewProblem | undefined {
  if (review.decision === 'refer' && !review.referral) return { code: 'validation_failed', message: 'A referral needs where to and how urgently.' };
  if (review.decision === 'clear_with_precautions' && !review.precautions?.length) return { code: 'validation_failed', message: 'List the precautions.' };
  return undefined;
}

/** Against the screen it answers: clearing an emergency is the physician's call, and it must be written down why. */
export function checkEmergencyClearance(review: PhysicianReviewDraft, screenUrgency: string | undefined): PhysicianReviewProblem | undefined {
  if (review.decision !== 'refer' && screenUrgency === 'emergency' && review.notes.trim().length < MIN_EMERGENCY_REASON) {
    return {
      code: 'clearance_reason_required',
      message: `Clearing an emergency flag needs a written reason (at least ${MIN_EMERGENCY_REASON} characters).`,
      minLength: MIN_EMERGENCY_REASON,
    };
  }
  return undefined;
}
