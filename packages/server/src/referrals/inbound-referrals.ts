import type { AcceptInboundIn, PublicReferralIn, ReferralOut } from '@myomap/contract/referrals/referrals.schemas';
import { findPossibleMatches } from '@myomap/domain/identity/find-possible-matches';
import { dueOn } from '@myomap/domain/referrals/referral-lifecycle';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { bookStaffVisit } from '../staff/create-appointment.ts';
import { refuseClash } from '../staff/calendar-input.ts';
import { findPatient, findPatientsSharingContact, insertPatient } from '../stores/patient-store.ts';
import { findReferral, insertReferral, insertStatusHistory, updateReferralStatus, type ReferralRow } from '../stores/referral-store.ts';
import { enqueueReferralAcknowledgement } from './referral-messages.ts';
import { clinicToday, loadReferralOut, lockReferral, takeStep } from './referral-view.ts';

/**
 * A doctor refers a patient through the public form. It creates an inbound referral in reception's
 * worklist and never reads or writes a patient record (knowing a name proves nothing: reception
 * checks for duplicates and accepts). The referrer gets an acknowledgement by email.
 * A filled honeypot is answered like a success and stores nothing.
 */
export async function submitPublicReferral(ctx: AppContext, body: PublicReferralIn, actor: Actor): Promise<{ received: true }> {
  if (body.website) return { received: true };
  await ctx.db.transaction(async (tx) => {
    const at = ctx.clock.now();
    const today = await clinicToday(ctx, tx);
    const referrer = {
      name: body.referrer.name.trim(),
      organisation: body.referrer.organisation?.trim() || null,
      email: body.referrer.email.trim().toLowerCase(),
      phone: body.referrer.phone?.trim() || null,
    };
    const id = await insertReferral(tx, {
      direction: 'in',
      patientId: null,
      providerId: null,
      source: 'public_form',
      reviewId: null,
      planId: null,
      redFlag: false,
      urgency: body.urgency,
      reason: body.reason,
      question: '',
      testsSuggested: [],
      attachments: [],
      language: body.language ?? 'en',
      status: 'received',
      dueOn: dueOn(today, body.urgency),
      createdBy: null,
      at,
      referrer,
      referredPatient: { ...body.patient, name: body.patient.name.trim() },
      consentConfirmed: body.consent,
    });
    await insertStatusHistory(tx, { referralId: id, from: null, to: 'received', byUser: null, at });
    await writeAudit(tx, actor, { action: 'referral.inbound', entityType: 'referral', entityId: id, after: { referrer: referrer.email } });
    await enqueueReferralAcknowledgement(
      tx,
      { referralId: id, referrerName: referrer.name, referrerEmail: referrer.email, patientName: body.patient.name.trim(), language: body.language ?? 'en' },
      ctx.config.sessionSecret,
      at,
    );
  });
  return { received: true };
}

/** Existing patients the referred person may be (shared email or phone; see identity/find-possible-matches). */
export function listInboundMatches(ctx: AppContext, id: string, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockReferral(tx, id, 'in');
    const described = describedPatient(row);
    const candidates = await findPatientsSharingContact(tx, { id: '', email: described.email, phone: described.phone });
    const matches = findPossibleMatches({ id: '', ...described }, candidates);
    await writeAudit(tx, actor, { action: 'referral.inbound_matches', entityType: 'referral', entityId: id, after: { count: matches.length } });
    return matches.flatMap((m) => {
      const patient = candidates.find((c) => c.id === m.patientId);
      return patient ? [{ id: patient.id, name: patient.name, dateOfBirth: patient.dateOfBirth, phone: patient.phone }] : [];
    });
  });
}

function describedPatient(row: ReferralRow) {
  const p = row.referredPatient;
  if (!p) throw new Error(`inbound referral ${row.id} has no patient`);
  return { name: p.name, email: p.email ?? '', phone: p.phone, dateOfBirth: p.dateOfBirth ?? null };
}

/**
 * Reception accepts: the patient chosen after the duplicate check, or a new record made from the
 * referral (verified: the referring doctor vouches for them), and the first visit, in one transaction.
 */
export function acceptInbound(ctx: AppContext, id: string, body: AcceptInboundIn, actor: Actor): Promise<ReferralOut> {
  return ctx.db
    .transaction(async (tx) => {
      const row = await lockReferral(tx, id, 'in');
      const at = ctx.clock.now();
      let patientId = body.patientId;
      if (patientId) {
        if (!(await findPatient(tx, patientId))) throw new AppError('not_found', 'No such patient.');
      } else {
        const p = row.referredPatient;
        if (!p?.email)
          throw new AppError('validation_failed', 'The referral gives no email for the patient: choose an existing record or add the patient first.');
        const created = await insertPatient(
          tx,
          { name: p.name, email: p.email, phone: p.phone, dateOfBirth: p.dateOfBirth ?? null, preferredLanguage: p.language },
          at,
        );
        await writeAudit(tx, actor, { action: 'patients.create', entityType: 'patient', entityId: created.id, after: { fromReferral: id } });
        patientId = created.id;
      }
      await takeStep(tx, row, { status: 'accepted', patientId }, actor, at);
      const visit = await bookStaffVisit(ctx, tx, { serviceId: body.serviceId, practitionerId: body.practitionerId, start: body.start, patientId }, actor);
      await updateReferralStatus(tx, id, { status: 'accepted', firstVisitId: visit.id });
      return loadReferralOut(tx, (await findReferral(tx, id)) as ReferralRow, await clinicToday(ctx, tx), actor);
    })
    .catch(refuseClash);
}

export function declineInbound(ctx: AppContext, id: string, note: string, actor: Actor): Promise<ReferralOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockReferral(tx, id, 'in');
    await takeStep(tx, row, { status: 'declined' }, actor, ctx.clock.now(), note);
    return loadReferralOut(tx, (await findReferral(tx, id)) as ReferralRow, await clinicToday(ctx, tx), actor);
  });
}
