import type { AcceptInboundIn, PublicReferralIn, ReferralOut } from '@myomap/contract/referrals/referrals.schemas';
import { findPossibleMatches } from '@myomap/domain/identity/find-possible-matches';
import { dueOn } from '@myomap/domain/referrals/referral-lifecycle';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { bookStaffVisit } from '../staff/create-appointment.ts';
import { refuseClash } from '../staff/calendar-input.ts';
import { findPatient, findPatientsSharingContact, insertPatient } from '../stores/patient-store.ts';
import { findReferral, insertReferral, insertStatusHistory, updateReferralStatus, type ReferralRow } from '../stores/referral-store.ts';
import { enqueueReferralAcknowledgement } from './referral-messages.ts';
import { issueAcknowledgementLetter } from './referrer-letters.ts';
import { clinicToday, loadReferralOut, lockReferral, takeStep } from './referral-view.ts';

/** A referral in, as the public form or a FHIR ServiceRequest describes it (both take this one path). */
export interface InboundReferralInput {
  referrer: { name: string; organisation?: string | undefined; email: string; phone?: string | undefined };
  patient: { name: string; dateOfBirth?: string | undefined; phone: string; email?: string | undefined; language: 'en' | 'ar' };
  urgency: 'soon' | 'routine';
  reason: string;
  /** The referrer's language: the acknowledgement and discharge summary are written in it. */
  language: 'en' | 'ar';
  /** The sender's identifier for it (a FHIR ServiceRequest.identifier): the same one again finds this referral. */
  externalIdentifier?: { system: string; value: string };
}

/**
 * Creates an inbound referral in reception's worklist, in the caller's transaction, and queues the
 * referrer's acknowledgement (a stored PDF letter attached to the email). It never reads or writes a
 * patient record: reception checks for duplicates and accepts.
 */
export async function createInboundReferral(ctx: AppContext, tx: Sql, input: InboundReferralInput, actor: Actor): Promise<string> {
  const at = ctx.clock.now();
  const today = await clinicToday(ctx, tx);
  const referrer = {
    name: input.referrer.name.trim(),
    organisation: input.referrer.organisation?.trim() || null,
    email: input.referrer.email.trim().toLowerCase(),
    phone: input.referrer.phone?.trim() || null,
  };
  const patientName = input.patient.name.trim();
  const id = await insertReferral(tx, {
    direction: 'in',
    patientId: null,
    providerId: null,
    source: 'public_form',
    reviewId: null,
    planId: null,
    redFlag: false,
    urgency: input.urgency,
    reason: input.reason,
    question: '',
    testsSuggested: [],
    attachments: [],
    language: input.language,
    status: 'received',
    dueOn: dueOn(today, input.urgency),
    createdBy: null,
    at,
    referrer,
    referredPatient: { ...input.patient, name: patientName },
    consentConfirmed: true,
    ...(input.externalIdentifier ? { externalIdentifier: input.externalIdentifier } : {}),
  });
  await insertStatusHistory(tx, { referralId: id, from: null, to: 'received', byUser: null, at, note: input.externalIdentifier ? 'FHIR ServiceRequest' : '' });
  await writeAudit(tx, actor, {
    action: 'referral.inbound',
    entityType: 'referral',
    entityId: id,
    after: { referrer: referrer.email, ...(input.externalIdentifier ? { identifier: input.externalIdentifier } : {}) },
  });
  const documentId = await issueAcknowledgementLetter(tx, {
    referralId: id,
    referrer,
    patient: { name: patientName, dateOfBirth: input.patient.dateOfBirth },
    language: input.language,
    issuedOn: today,
    at,
  });
  await enqueueReferralAcknowledgement(
    tx,
    { referralId: id, referrerName: referrer.name, referrerEmail: referrer.email, patientName, language: input.language, documentId },
    ctx.config.sessionSecret,
    at,
  );
  return id;
}

/**
 * A doctor refers a patient through the public form (createInboundReferral). Knowing a name proves
 * nothing, so it never touches a patient record. A filled honeypot is answered like a success and
 * stores nothing.
 */
export async function submitPublicReferral(ctx: AppContext, body: PublicReferralIn, actor: Actor): Promise<{ received: true }> {
  if (body.website) return { received: true };
  await ctx.db.transaction((tx) =>
    createInboundReferral(
      ctx,
      tx,
      { referrer: body.referrer, patient: body.patient, urgency: body.urgency, reason: body.reason, language: body.language ?? 'en' },
      actor,
    ),
  );
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
