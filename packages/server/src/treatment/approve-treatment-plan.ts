import { decidePlanApproval } from '@myomap/domain/treatment/decide-plan-approval';
import type { PlanOut } from '@myomap/contract/treatment/plans.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { lockPlan, markPlanApproved, markPlanCosigned } from '../stores/plan-store.ts';
import { checkDraftAuthor } from './check-draft-author.ts';
import { guardPrecautions } from './precaution-guard.ts';
import { describePlan } from './read-treatment-plans.ts';

/** Approving is signing the draft: its author, or another clinician who says they co-sign. */
export async function approveTreatmentPlan(ctx: AppContext, id: string, coSign: boolean | undefined, actor: Actor): Promise<PlanOut> {
  await ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, id);
    if (!plan) throw new AppError('not_found', 'No such plan.');
    if (plan.status !== 'draft') throw new AppError('conflict', 'This plan is already approved.');
    await checkDraftAuthor(tx, actor, { entityType: 'treatment_plan', id, authorId: plan.authorId }, coSign, 'approve');
    // The precautions may have changed since the plan was written (a new screening): check again.
    await guardPrecautions(tx, { owner: { planId: id }, patientId: plan.patientId, draft: plan.data, overrides: [], actor, now: ctx.clock.now() });
    // With screening precautions a physician co-signs; a physician approving also co-signs.
    const { status, cosigns } = decidePlanApproval(plan, actor.role ?? '');
    await markPlanApproved(tx, id, { status, approverId: actor.id ?? '', cosigns, now: ctx.clock.now() });
    await writeAudit(tx, actor, { action: 'plan.approve', entityType: 'treatment_plan', entityId: id, after: { status } });
  });
  return describePlan(ctx.db, id);
}

/** A physician co-signs a plan that waits for it. */
export async function cosignTreatmentPlan(ctx: AppContext, id: string, actor: Actor): Promise<PlanOut> {
  await ctx.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, id);
    if (!plan) throw new AppError('not_found', 'No such plan.');
    if (plan.status !== 'awaiting_cosign') throw new AppError('conflict', 'This plan is not waiting for a co-signature.');
    await markPlanCosigned(tx, id, actor.id ?? '', ctx.clock.now());
    await writeAudit(tx, actor, { action: 'plan.cosign', entityType: 'treatment_plan', entityId: id });
  });
  return describePlan(ctx.db, id);
}
