import { can } from '@myomap/domain/access/permissions';
import type { ConsentIn, ConsentSignedOut, IntakeSavedOut, IntakeSaveIn, IntakeSubmittedOut, IntakeViewOut } from '@myomap/contract/safety/intake.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findManagedBooking } from '../scheduling/manage-booking.ts';
import { findAppointmentById, type AppointmentRow } from '../stores/appointment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { assertConsentAllowance } from './consent-allowance.ts';
import { intakeView, saveIntake, signConsent, submitIntake, validateResponse } from './intake-service.ts';

/**
 * The intake, by the patient's booking link (reference + manage token) or by staff on a tablet
 * at reception (signed in, by appointment id). Both reach the same four operations; `find`
 * locates the visit inside the operation's transaction.
 */
export type FindVisit = (tx: Sql) => Promise<AppointmentRow>;

export const byLink =
  (reference: string, token: string): FindVisit =>
  (tx) =>
    findManagedBooking(tx, reference, token);

export const byAppointmentId =
  (id: string): FindVisit =>
  async (tx) => {
    const row = await findAppointmentById(tx, id);
    if (!row || row.kind !== 'visit') throw new AppError('not_found', 'No such appointment.');
    return row;
  };

/**
 * The portal's way in (issue 15): the visit's id, only when it is the signed-in patient's own
 * visit; 404 otherwise, like a wrong link. The emailed link keeps working: nothing about its token changes.
 */
export const byPortalSession =
  (appointmentId: string, patientId: string): FindVisit =>
  async (tx) => {
    const row = await findAppointmentById(tx, appointmentId);
    if (!row || row.kind !== 'visit' || row.patientId !== patientId) throw new AppError('not_found', 'No such visit.');
    return row;
  };

/** The portal's consent: the same per-visit allowance as the link. */
export const byPortalSessionWithConsentAllowance =
  (ctx: AppContext, appointmentId: string, patientId: string): FindVisit =>
  async (tx) => {
    const appointment = await byPortalSession(appointmentId, patientId)(tx);
    await assertConsentAllowance(tx, appointment.id, ctx.clock.now());
    return appointment;
  };

/** Per link: each signature can be hundreds of kB, and the consents table is append-only. */
export const byLinkWithConsentAllowance =
  (ctx: AppContext, reference: string, token: string): FindVisit =>
  async (tx) => {
    const appointment = await findManagedBooking(tx, reference, token);
    await assertConsentAllowance(tx, appointment.id, ctx.clock.now());
    return appointment;
  };

export function viewIntake(ctx: AppContext, find: FindVisit, actor: Actor): Promise<IntakeViewOut> {
  return ctx.db.transaction(async (tx) => {
    const appointment = await find(tx);
    // The patient's own link shows their answers; staff see them only with intake.clinical.read.
    const withAnswers = actor.type === 'patient' || can(actor.role, 'intake.clinical.read');
    await writeAudit(tx, actor, { action: withAnswers ? 'intake.read' : 'intake.status_read', entityType: 'appointment', entityId: appointment.id });
    return (await intakeView(tx, appointment, withAnswers)) as IntakeViewOut;
  });
}

export function saveIntakeAnswers(ctx: AppContext, find: FindVisit, body: IntakeSaveIn, actor: Actor): Promise<IntakeSavedOut> {
  const response = validateResponse(body.response);
  return ctx.db.transaction(async (tx) => saveIntake(tx, await find(tx), response, body.language, ctx.clock.now(), actor));
}

export function submitIntakeAnswers(ctx: AppContext, find: FindVisit, actor: Actor): Promise<IntakeSubmittedOut> {
  return ctx.db.transaction(async (tx) => submitIntake(tx, await loadClinic(tx), await find(tx), ctx.clock.now(), actor));
}

export async function signIntakeConsent(ctx: AppContext, find: FindVisit, body: ConsentIn, actor: Actor): Promise<ConsentSignedOut> {
  const signed = await ctx.db.transaction(async (tx) => signConsent(tx, await find(tx), body, ctx.clock.now(), actor));
  return { ...signed, id: signed.id ?? '' };
}
