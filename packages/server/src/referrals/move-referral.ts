import type { ReferralOut, SendIn, TrackIn } from '@myomap/contract/referrals/referrals.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import type { Actor } from '../lib/audit.ts';
import { findReferral, updateReferralStatus, type ReferralRow } from '../stores/referral-store.ts';
import { issueReferralLetter } from './issue-referral-letter.ts';
import { enqueueReferralLetter } from './referral-messages.ts';
import { clinicToday, loadReferralOut, lockReferral, takeStep } from './referral-view.ts';

/** Runs one step on an outbound referral in a transaction and answers with the referral as it now stands. */
async function step(ctx: AppContext, id: string, actor: Actor, work: (tx: Sql, row: ReferralRow, at: Date) => Promise<void>): Promise<ReferralOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockReferral(tx, id, 'out');
    await work(tx, row, ctx.clock.now());
    const after = (await findReferral(tx, id)) as ReferralRow;
    return loadReferralOut(tx, after, await clinicToday(ctx, tx), actor);
  });
}

/** A physician signs: the content is fixed from here (the database refuses any change), and the letter is issued. */
export function signReferral(ctx: AppContext, id: string, actor: Actor): Promise<ReferralOut> {
  return step(ctx, id, actor, async (tx, row, at) => {
    await takeStep(tx, row, { status: 'signed', signedBy: actor.id ?? '', signedAt: at }, actor, at);
    const signed = (await findReferral(tx, id)) as ReferralRow;
    const documentId = await issueReferralLetter(ctx, tx, signed, actor);
    if (documentId) await updateReferralStatus(tx, id, { status: 'signed', letterDocumentId: documentId });
  });
}

/** Sent by email to the provider (through the outbox) or printed and handed over. */
export function sendReferral(ctx: AppContext, id: string, body: SendIn, actor: Actor): Promise<ReferralOut> {
  return step(ctx, id, actor, async (tx, row, at) => {
    if (body.via === 'email' && !row.providerEmail) throw new AppError('unprocessable', 'This provider has no email address: print the letter instead.');
    await takeStep(tx, row, { status: 'sent', sentVia: body.via }, actor, at);
    if (body.via === 'email') await enqueueReferralLetter(tx, row, row.providerEmail ?? '', ctx.config.sessionSecret, at);
  });
}

/** The provider acknowledged it, or booked the patient in; or the referral is cancelled (a physician's call). */
export function trackReferral(ctx: AppContext, id: string, body: TrackIn, actor: Actor): Promise<ReferralOut> {
  return step(ctx, id, actor, async (tx, row, at) => {
    if (body.to === 'appointment_booked' && !body.appointmentOn) throw new AppError('validation_failed', 'Give the appointment date (appointmentOn).');
    await takeStep(tx, row, { status: body.to, ...(body.appointmentOn ? { appointmentOn: body.appointmentOn } : {}) }, actor, at, body.note ?? '');
  });
}
