import type { AppointmentOut, NewAppointmentIn } from '@myomap/contract/staff/calendar.schemas';
import { visitEnd } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { bookingView } from '../scheduling/booking-view.ts';
import { enqueueConfirmationAndReminder } from '../scheduling/enqueue-appointment-messages.ts';
import { insertAppointment } from '../stores/appointment-store.ts';
import { findFreeRoom } from '../stores/calendar-store.ts';
import { findService, practitionerOffersService } from '../stores/catalog-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findOrCreatePatient, patientExists } from '../stores/patient-store.ts';
import { parseStaffTime, refuseClash } from './calendar-input.ts';

/**
 * A visit booked by staff: for an existing patient or one found or created by contact, in the
 * room asked for or the first free one when the service needs a room. The patient gets the
 * confirmation (with a manage link) and a reminder, like an online booking.
 */
export async function createAppointment(ctx: AppContext, body: NewAppointmentIn, actor: Actor): Promise<AppointmentOut> {
  return ctx.db.transaction((tx) => bookStaffVisit(ctx, tx, body, actor)).catch(refuseClash);
}

/** The booking itself, in the caller's transaction (an accepted inbound referral books its first visit with it). */
export async function bookStaffVisit(ctx: AppContext, tx: Sql, body: NewAppointmentIn, actor: Actor): Promise<AppointmentOut> {
  const start = parseStaffTime(body.start, 'start');
  const now = ctx.clock.now();
  const clinic = await loadClinic(tx);
  const service = await findService(tx, body.serviceId);
  if (!service || !service.active) throw new AppError('unknown_service', 'No such service.');
  if (!(await practitionerOffersService(tx, body.practitionerId, body.serviceId)))
    throw new AppError('unknown_practitioner', 'That practitioner does not offer this service.');
  let patientId = body.patientId;
  if (patientId) {
    if (!(await patientExists(tx, patientId))) throw new AppError('not_found', 'No such patient.');
  } else if (body.patient) {
    patientId = (await findOrCreatePatient(tx, body.patient)).id;
  } else {
    throw new AppError('validation_failed', 'Give patientId or patient.');
  }
  const end = visitEnd(start, service.durationMinutes);
  let roomId = body.roomId ?? null;
  if (!roomId && service.requiresRoom) {
    roomId = (await findFreeRoom(tx, { start, end, bufferBeforeMinutes: service.bufferBeforeMinutes, bufferAfterMinutes: service.bufferAfterMinutes })) ?? null;
    if (!roomId) throw new AppError('slot_unavailable', 'No treatment room is free then.');
  }
  const manageToken = newToken();
  const row = await insertAppointment(tx, {
    reference: null, // a fresh one (migration 0032)
    kind: 'visit',
    serviceId: service.id,
    practitionerId: body.practitionerId,
    roomId,
    patientId,
    start,
    end,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    manageTokenHash: hashToken(manageToken),
    source: 'staff',
    note: body.note ?? '',
    now,
  });
  await enqueueConfirmationAndReminder(tx, ctx, clinic, row, manageToken, now);
  await writeAudit(tx, actor, { action: 'appointment.create', entityType: 'appointment', entityId: row.id, after: bookingView(row, clinic.timeZone) });
  return bookingView(row, clinic.timeZone);
}
