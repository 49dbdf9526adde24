/**
 * Where a plan goes when a clinician approves its draft. A plan that needs a physician's
 * co-signature (screening precautions, a precaution overridden) waits for one, unless the
 * approving clinician is a physician: their approval is the co-signature.
 */
export interface PlanApproval {
  status: 'approved' | 'awaiting_cosign';
  /** The approver co-signs in the same step. */
  cosigns: boolean;
}

export function decidePlanApproval(plan: { requiresCosign: boolean }, approverRole: string): PlanApproval {
  const cosigns = plan.requiresCosign && approverRole === 'physician';
  return { status: plan.requiresCosign && !cosigns ? 'awaiting_cosign' : 'approved', cosigns };
}
