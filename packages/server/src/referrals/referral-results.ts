import type { ResultIn, ResultReviewedOut, ResultReviewIn } from '@myomap/contract/referrals/referrals.schemas';
import { checkEmergencyClearance } from '@myomap/domain/safety/check-physician-review';
import { dueOn } from '@myomap/domain/referrals/referral-lifecycle';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { loadSafety } from '../safety/intake-service.ts';
import { findDocumentClaim } from '../stores/document-store.ts';
import { insertPhysicianReview } from '../stores/physician-review-store.ts';
import { findLatestPlanId } from '../stores/plan-store.ts';
import {
  findProvider,
  findReferral,
  findReferralResult,
  insertReferral,
  insertReferralResult,
  insertStatusHistory,
  reviewReferralResult,
  type ReferralRow,
} from '../stores/referral-store.ts';
import { findLatestScreening } from '../stores/screening-store.ts';
import { clinicToday, loadReferralOut, lockReferral, takeStep } from './referral-view.ts';
import type { ReferralOut } from '@myomap/contract/referrals/referrals.schemas';

/** A result came back: its findings (and the report, a stored document) are attached to the referral and the record. */
export function recordReferralResult(ctx: AppContext, id: string, body: ResultIn, actor: Actor): Promise<ReferralOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockReferral(tx, id, 'out');
    const at = ctx.clock.now();
    const today = await clinicToday(ctx, tx);
    if (body.documentId) await checkResultDocument(tx, body.documentId, row);
    await takeStep(tx, row, { status: 'result_received' }, actor, at);
    await insertReferralResult(tx, {
      referralId: id,
      summary: body.summary,
      findings: body.findings,
      documentId: body.documentId ?? null,
      receivedOn: body.receivedOn ?? today,
      by: actor.id ?? '',
      at,
    });
    return loadReferralOut(tx, (await findReferral(tx, id)) as ReferralRow, today, actor);
  });
}

/** The plan a "change the plan" review opens: the one the referral came from, else the patient's latest. */
async function planToChange(tx: Sql, row: ReferralRow): Promise<string | null> {
  if (row.planId) return row.planId;
  return row.patientId ? findLatestPlanId(tx, row.patientId) : null;
}

/** A report named by id must be a stored result of this referral's patient that no other result claims. */
async function checkResultDocument(tx: Sql, documentId: string, row: ReferralRow): Promise<void> {
  const found = await findDocumentClaim(tx, documentId);
  if (!found || found.kind !== 'referral_result' || found.patientId !== row.patientId || found.claimed)
    throw new AppError('validation_failed', "documentId must name a stored result report of this referral's patient that no other result has.");
}

/**
 * The physician reviews the result: clear (treatment may go on), change the plan (cleared with the
 * change as a precaution shown at every visit), or refer on (a new draft to the next provider, which
 * keeps the gate closed if this one did). Clearing also records the physician's clearance where the
 * safety gate waits for one, so the one gate opens (decide-treatment-gate.ts).
 */
export function reviewResult(ctx: AppContext, id: string, body: ResultReviewIn, actor: Actor): Promise<ResultReviewedOut> {
  if (body.decision === 'change_plan' && !body.notes.trim()) throw new AppError('validation_failed', 'Say how the plan changes (notes).');
  if (body.decision === 'refer_on' && !body.referOnProviderId)
    throw new AppError('validation_failed', 'Choose the provider to refer on to (referOnProviderId).');
  return ctx.db.transaction(async (tx) => {
    const row = await lockReferral(tx, id, 'out');
    if (!(await findReferralResult(tx, id))) throw new AppError('illegal_transition', 'There is no result to review yet.', { from: row.status, to: 'closed' });
    const at = ctx.clock.now();
    const today = await clinicToday(ctx, tx);
    await takeStep(tx, row, { status: 'closed' }, actor, at, body.notes);
    await reviewReferralResult(tx, { referralId: id, decision: body.decision, notes: body.notes, by: actor.id ?? '', at });
    const patientId = row.patientId ?? '';
    let referredOnId: string | null = null;
    if (body.decision === 'refer_on') {
      const provider = await findProvider(tx, body.referOnProviderId ?? '');
      if (!provider?.active) throw new AppError('not_found', 'No such provider in the directory.');
      referredOnId = await insertReferral(tx, {
        ...row,
        direction: 'out',
        providerId: provider.id,
        reason: row.reason,
        status: 'drafted',
        dueOn: dueOn(today, row.urgency),
        createdBy: actor.id ?? null,
        at,
      });
      await insertStatusHistory(tx, { referralId: referredOnId, from: null, to: 'drafted', byUser: actor.id ?? null, at, note: `referred on from ${id}` });
      await writeAudit(tx, actor, { action: 'referral.draft', entityType: 'referral', entityId: referredOnId, after: { referredOnFrom: id } });
    } else {
      const { gate } = await loadSafety(tx, patientId);
      if (gate.blocks.includes('referred_by_physician') || gate.blocks.includes('physician_clearance_required')) {
        const screening = await findLatestScreening(tx, patientId);
        const decision = body.decision === 'clear' ? 'clear' : 'clear_with_precautions';
        const problem = checkEmergencyClearance({ decision, notes: body.notes }, screening?.result.physicianReferral?.urgency);
        if (problem?.code === 'clearance_reason_required') throw new AppError(problem.code, problem.message, { minLength: problem.minLength });
        await insertPhysicianReview(tx, {
          patientId,
          screeningId: screening?.id ?? null,
          decision,
          notes: body.notes,
          precautions: decision === 'clear' ? [] : [body.notes.trim()],
          referral: undefined,
          physicianId: actor.id ?? '',
          at,
        });
        await writeAudit(tx, actor, {
          action: `review.${decision}`,
          entityType: 'patient',
          entityId: patientId,
          after: { fromReferral: id, notes: body.notes },
        });
      }
    }
    const planToChangeId = body.decision === 'change_plan' ? await planToChange(tx, row) : null;
    const referral = await loadReferralOut(tx, (await findReferral(tx, id)) as ReferralRow, today, actor);
    return { referral, referredOnId, planToChangeId };
  });
}
