import { checkEmergencyClearance, checkReviewContent } from '@myomap/domain/safety/check-physician-review';
import type { ReviewIn, ReviewRecordedOut } from '@myomap/contract/safety/safety.schemas';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { insertPhysicianReview } from '../stores/physician-review-store.ts';
import { findLatestScreening } from '../stores/screening-store.ts';

/** A physician's decision on the patient's latest screen: clear, clear with precautions, or refer. */
export async function recordPhysicianReview(ctx: AppContext, patientId: string, review: ReviewIn, actor: Actor): Promise<ReviewRecordedOut> {
  const invalid = checkReviewContent(review);
  if (invalid) throw new AppError(invalid.code, invalid.message);
  const saved = await ctx.db
    .transaction(async (tx) => {
      const screening = await findLatestScreening(tx, patientId);
      const problem = checkEmergencyClearance(review, screening?.result.physicianReferral?.urgency);
      if (problem?.code === 'clearance_reason_required') throw new AppError(problem.code, problem.message, { minLength: problem.minLength });
      const row = await insertPhysicianReview(tx, {
        patientId,
        screeningId: screening?.id ?? null,
        decision: review.decision,
        notes: review.notes,
        precautions: review.precautions ?? [],
        referral: review.referral,
        physicianId: actor.id ?? '',
        at: ctx.clock.now(),
      });
      await writeAudit(tx, actor, { action: `review.${review.decision}`, entityType: 'patient', entityId: patientId, after: review });
      return row;
    })
    .catch((error: unknown) => {
      if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'No such patient.');
      throw error;
    });
  return { id: saved.id, ...review, at: saved.createdAt.toISOString() };
}
