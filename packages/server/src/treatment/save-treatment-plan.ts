import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { findUnknownPlanIds, type KnownPlanIds } from '@myomap/domain/treatment/validate-plan-ids';
import type { PlanIn, PlanOut } from '@myomap/contract/treatment/plans.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { lockPlan, updatePlanData } from '../stores/plan-store.ts';
import { listOverrides } from '../stores/precaution-override-store.ts';
import { checkDraftAuthor } from './check-draft-author.ts';
import { guardPrecautions } from './precaution-guard.ts';
import { describePlan } from './read-treatment-plans.ts';

const KNOWN_IDS: KnownPlanIds = {
  protocols: new Set(knowledgeBase.protocols.map((p) => p.id)),
  muscles: new Set(knowledgeBase.muscles.map((m) => m.id)),
  techniques: new Set(knowledgeBase.techniques.map((t) => t.id)),
  selfCare: new Set(knowledgeBase.selfCare.map((s) => s.id)),
};

/**
 * Saves a draft plan: known ids only, its author (or an audited co-sign), and no row that
 * contradicts a precaution without an override and its reason (409 precaution_conflict).
 */
export async function saveTreatmentPlan(ctx: AppContext, id: string, input: PlanIn, actor: Actor): Promise<PlanOut> {
  const unknown = findUnknownPlanIds(input.data, KNOWN_IDS);
  if (unknown.length > 0) throw new AppError('validation_failed', `Unknown ids in the plan: ${unknown.join(', ')}`, { ids: unknown });
  await ctx.db.transaction(async (tx) => {
    const before = await lockPlan(tx, id);
    if (!before) throw new AppError('not_found', 'No such plan.');
    if (before.status !== 'draft') throw new AppError('conflict', 'An approved plan is not edited; propose a new plan instead.');
    await checkDraftAuthor(tx, actor, { entityType: 'treatment_plan', id, authorId: before.authorId }, input.coSign, 'update');
    const now = ctx.clock.now();
    await guardPrecautions(tx, { owner: { planId: id }, patientId: before.patientId, draft: input.data, overrides: input.overrides ?? [], actor, now });
    // A plan that overrides a precaution is co-signed by a physician, who sees each reason.
    const overridden = (await listOverrides(tx, { planId: id })).length > 0;
    await updatePlanData(tx, id, input.data, overridden, now);
    await writeAudit(tx, actor, { action: 'plan.update', entityType: 'treatment_plan', entityId: id, before: before.data, after: input.data });
  });
  return describePlan(ctx.db, id);
}
