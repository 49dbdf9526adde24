import type { ReferralIn, ReferralOut } from '@myomap/contract/referrals/referrals.schemas';
import { dueOn } from '@myomap/domain/referrals/referral-lifecycle';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { patientExists } from '../stores/patient-store.ts';
import { findProvider, findReferral, findReviewOfPatient, insertReferral, insertStatusHistory, planOfPatient } from '../stores/referral-store.ts';
import { findLatestScreening } from '../stores/screening-store.ts';
import { clinicToday, loadReferralOut } from './referral-view.ts';

/**
 * An outbound referral, drafted from the physician's review, the therapist's plan or the record.
 * Every referral is signed by a physician before it leaves (referral.sign), so a therapist's draft
 * waits for one. Raised for a red flag (the review referred, or the latest screen found a red flag),
 * it keeps the treatment gate closed until a physician has reviewed its result.
 */
export function draftReferral(ctx: AppContext, body: ReferralIn, actor: Actor): Promise<ReferralOut> {
  return ctx.db.transaction(async (tx) => {
    if (!(await patientExists(tx, body.patientId))) throw new AppError('not_found', 'No such patient.');
    const provider = await findProvider(tx, body.providerId);
    if (!provider?.active) throw new AppError('not_found', 'No such provider in the directory.');
    const review = body.reviewId ? await findReviewOfPatient(tx, body.reviewId, body.patientId) : undefined;
    if (body.reviewId && !review) throw new AppError('not_found', 'No such review of this patient.');
    if (body.source === 'physician_review' && !review) throw new AppError('validation_failed', 'A referral from a review names the review (reviewId).');
    if (body.planId && !(await planOfPatient(tx, body.planId, body.patientId))) throw new AppError('not_found', 'No such plan of this patient.');
    if (body.source === 'plan' && !body.planId) throw new AppError('validation_failed', 'A referral from a plan names the plan (planId).');
    const screening = await findLatestScreening(tx, body.patientId);
    const redFlag = review?.decision === 'refer' || Boolean(screening?.result.physicianReferral);
    const today = await clinicToday(ctx, tx);
    const at = ctx.clock.now();
    const id = await insertReferral(tx, {
      direction: 'out',
      patientId: body.patientId,
      providerId: body.providerId,
      source: body.source,
      reviewId: body.reviewId ?? null,
      planId: body.planId ?? null,
      redFlag,
      urgency: body.urgency,
      reason: body.reason,
      question: body.question,
      testsSuggested: body.testsSuggested,
      attachments: body.attachments,
      language: body.language,
      status: 'drafted',
      dueOn: dueOn(today, body.urgency),
      createdBy: actor.id ?? null,
      at,
    });
    await insertStatusHistory(tx, { referralId: id, from: null, to: 'drafted', byUser: actor.id ?? null, at });
    await writeAudit(tx, actor, { action: 'referral.draft', entityType: 'referral', entityId: id, after: { ...body, redFlag } });
    const row = await findReferral(tx, id);
    if (!row) throw new Error('drafted referral vanished');
    return loadReferralOut(tx, row, today, actor);
  });
}
