import { proposeTreatmentPlan } from '@myomap/domain/treatment/propose-treatment-plan';
import { needsPhysicianClearance } from '@myomap/domain/treatment/apply-precautions';
import type { PlanOut } from '@myomap/contract/treatment/plans.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { loadSafety } from '../safety/intake-service.ts';
import { findAssessment } from '../stores/assessment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { insertPlan } from '../stores/plan-store.ts';
import { loadPatientFlags } from './precaution-guard.ts';
import { describePlan } from './read-treatment-plans.ts';

/**
 * Proposes a draft plan from an assessment (domain `proposeTreatmentPlan`), with the patient's
 * screening and physician precautions, PSFS activities and pain duration from the intake.
 */
export async function proposePlan(ctx: AppContext, assessmentId: string, actor: Actor): Promise<PlanOut> {
  const id = await ctx.db.transaction(async (tx) => {
    const assessment = await findAssessment(tx, assessmentId);
    if (!assessment) throw new AppError('not_found', 'No such assessment.');
    const clinic = await loadClinic(tx);
    const safety = await loadSafety(tx, assessment.patientId);
    // Where a red flag stands, reasoning stops: no proposal until a physician clears the patient.
    if (safety.reasoning.status === 'suspended') {
      throw new AppError('reasoning_suspended', safety.reasoning.reason.en, { reasoning: safety.reasoning });
    }
    const screeningPrecautions = ((safety.screening?.result as { precautions?: { text: { en: string } }[] } | undefined)?.precautions ?? []).map(
      (p) => p.text.en,
    );
    const reviewPrecautions = safety.reviews[0]?.precautions ?? [];
    const answers = safety.answers as Record<string, unknown>;
    const psfs = [1, 2, 3, 4, 5]
      .map((i) => ({ activity: answers[`psfs-${i}-activity`], score: answers[`psfs-${i}-score`] }))
      .filter((p): p is { activity: string; score: number } => typeof p.activity === 'string' && p.activity !== '' && typeof p.score === 'number');
    const painDuration = typeof answers['pain-duration'] === 'string' ? answers['pain-duration'] : undefined;
    const flags = await loadPatientFlags(tx, assessment.patientId);
    const now = ctx.clock.now();
    const data = proposeTreatmentPlan({
      flags,
      assessment: assessment.data,
      today: localDate(now, clinic.timeZone),
      precautions: [...screeningPrecautions, ...reviewPrecautions],
      psfs,
      ...(painDuration ? { painDuration } : {}),
    });
    const planId = await insertPlan(tx, {
      patientId: assessment.patientId,
      assessmentId: assessment.id,
      data,
      requiresCosign: safety.gate.withPrecautions || needsPhysicianClearance(flags),
      authorId: actor.id ?? '',
      now,
    });
    await writeAudit(tx, actor, { action: 'plan.propose', entityType: 'treatment_plan', entityId: planId, after: data });
    return planId;
  });
  return describePlan(ctx.db, id);
}
