import { findClearanceRequired } from '../screening/find-clearance-required.ts';

/** Where a patient waits in the physician's queue: most urgent first, then longest waiting. */
export type ReviewPriority = 'emergency' | 'same_day' | 'soon' | 'clearance' | 'precautions';

const RANK: Record<ReviewPriority, number> = { emergency: 0, same_day: 1, soon: 2, clearance: 3, precautions: 4 };

export interface UnreviewedScreen {
  outcome: string;
  /** The stored screening result (domain/screening/screening-result.ts), read loosely: old results lack newer fields. */
  result: unknown;
  screenedAt: Date;
}

/**
 * A red flag's own urgency leads (an emergency before a same-day before a soon referral). A
 * referral without an urgency waits as "soon"; then precautions a physician must clear before
 * the first session; then precautions alone.
 */
export function decideReviewPriority(screen: Pick<UnreviewedScreen, 'outcome' | 'result'>): ReviewPriority {
  const urgency = (screen.result as { physicianReferral?: { urgency?: unknown } } | null)?.physicianReferral?.urgency;
  if (urgency === 'emergency' || urgency === 'same_day' || urgency === 'soon') return urgency;
  if (screen.outcome === 'refer_before_treatment') return 'soon';
  return findClearanceRequired(screen.result).length > 0 ? 'clearance' : 'precautions';
}

/** The queue in order, each entry with its priority. Stable for equal priority and time. */
export function rankReviewQueue<T extends UnreviewedScreen>(screens: readonly T[]): { screen: T; priority: ReviewPriority }[] {
  return screens
    .map((screen) => ({ screen, priority: decideReviewPriority(screen) }))
    .sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.screen.screenedAt.getTime() - b.screen.screenedAt.getTime());
}
