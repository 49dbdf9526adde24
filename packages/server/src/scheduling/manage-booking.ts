import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken } from '../lib/tokens.ts';
import { localDate } from '../lib/zoned-time.ts';
import {
  cancelAppointmentRow,
  findAppointmentById,
  findAppointmentByReference,
  findAppointmentParties,
  moveAppointmentRow,
  setAppointmentStatus,
  type AppointmentRow,
} from '../stores/appointment-store.ts';
import { cancelPendingReminders } from '../stores/outbox-store.ts';
import { findService } from '../stores/catalog-store.ts';
import { loadClinic, type ClinicSettings } from '../stores/clinic-store.ts';
import { bookingView } from './booking-view.ts';
import { enqueueCancellation, enqueueConfirmationAndReminder } from './enqueue-appointment-messages.ts';
import { findAvailability } from './find-availability.ts';
import { offerFreedSlot } from './waitlist.ts';

function tokenMatches(hash: string | null, token: string): boolean {
  if (!hash) return false;
  const a = Buffer.from(hash);
  const b = Buffer.from(hashToken(token));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * How a patient reaches their booking: the manage link (reference and token), or the portal
 * (the visit's id, only when it is the signed-in patient's own). Both answer 404 for anything
 * else, so a guessed id or reference tells nothing.
 */
export type BookingHandle = { reference: string; token: string } | { appointmentId: string; patientId: string };

async function findHandledBooking(sql: Sql, handle: BookingHandle, forUpdate: boolean): Promise<AppointmentRow> {
  if ('token' in handle) return findManagedBooking(sql, handle.reference, handle.token, forUpdate);
  const row = await findAppointmentById(sql, handle.appointmentId, forUpdate);
  if (!row || row.kind !== 'visit' || row.patientId !== handle.patientId) throw new AppError('not_found', 'No such visit.');
  return row;
}

/** The booking behind a reference, only for the holder of its manage token; 404 otherwise. */
export async function findManagedBooking(sql: Sql, reference: string, token: string, forUpdate = false): Promise<AppointmentRow> {
  const row = await findAppointmentByReference(sql, reference, forUpdate);
  if (!row || row.kind !== 'visit' || !tokenMatches(row.manageTokenHash, token)) {
    throw new AppError('not_found', 'No booking matches this reference and link.');
  }
  return row;
}

export async function describeBooking(sql: Sql, row: AppointmentRow, clinic: ClinicSettings, now: Date) {
  const parties = await findAppointmentParties(sql, row.id);
  const deadline = new Date(row.startsAt.getTime() - clinic.cancellationWindowHours * 3_600_000);
  return {
    ...bookingView(row, clinic.timeZone),
    serviceName: parties?.serviceName ?? { en: '', ar: '' },
    practitionerName: parties?.practitionerName ?? { en: '', ar: '' },
    patientName: parties?.patientName ?? '',
    canChange: row.status === 'confirmed' && now <= deadline,
    changeDeadline: deadline.toISOString(),
  };
}

function assertChangeable(row: AppointmentRow, clinic: ClinicSettings, now: Date): void {
  const deadline = row.startsAt.getTime() - clinic.cancellationWindowHours * 3_600_000;
  if (now.getTime() > deadline) {
    throw new AppError('cancellation_window_passed', `Online changes close ${clinic.cancellationWindowHours} hours before the visit. Please call the clinic.`, {
      deadline: new Date(deadline).toISOString(),
    });
  }
}

/** The booking a patient's manage link opens. */
export async function viewManagedBooking(ctx: AppContext, reference: string, token: string) {
  const row = await findManagedBooking(ctx.db, reference, token);
  return describeBooking(ctx.db, row, await loadClinic(ctx.db), ctx.clock.now());
}

export async function cancelBooking(ctx: AppContext, handle: BookingHandle, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const clinic = await loadClinic(tx);
    const row = await findHandledBooking(tx, handle, true);
    // Cancelling twice is harmless: the second call answers with the cancelled booking.
    if (row.status === 'cancelled') return describeBooking(tx, row, clinic, now);
    if (row.status !== 'confirmed') throw new AppError('conflict', `A ${row.status} visit cannot be cancelled.`);
    assertChangeable(row, clinic, now);
    const cancelled = await cancelStaffOrPatient(tx, ctx, clinic, row, now, actor, 'patient_cancelled');
    return describeBooking(tx, cancelled, clinic, now);
  });
}

/** Cancels in the caller's transaction: messages, audit, and the freed slot offered to the waitlist. */
export async function cancelStaffOrPatient(
  tx: Sql,
  ctx: AppContext,
  clinic: ClinicSettings,
  row: AppointmentRow,
  now: Date,
  actor: Actor,
  reason: string,
): Promise<AppointmentRow> {
  const cancelled = await cancelAppointmentRow(tx, row.id, now, reason);
  if (row.kind === 'visit') await enqueueCancellation(tx, ctx, clinic, cancelled, now);
  await writeAudit(tx, actor, {
    action: 'appointment.cancel',
    entityType: 'appointment',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'cancelled', reason },
  });
  if (row.kind === 'visit' && row.startsAt > now) await offerFreedSlot(tx, ctx, clinic, cancelled, now);
  return cancelled;
}

export async function rescheduleBooking(ctx: AppContext, handle: BookingHandle, change: { start: Date; practitionerId?: string | undefined }, actor: Actor) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const clinic = await loadClinic(tx);
      const row = await findHandledBooking(tx, handle, true);
      if (row.status !== 'confirmed') throw new AppError('conflict', `A ${row.status} visit cannot be moved.`);
      assertChangeable(row, clinic, now);
      const service = await findService(tx, row.serviceId ?? '');
      if (!service) throw new AppError('unknown_service', 'The service of this booking no longer exists.');
      const date = localDate(change.start, clinic.timeZone);
      const practitionerId = change.practitionerId ?? row.practitionerId ?? undefined;
      // Free this visit's own time first so a small shift that overlaps it is allowed.
      await setAppointmentStatus(tx, row.id, 'cancelled');
      const slots = await findAvailability(tx, { clinic, service, practitionerId, fromDate: date, toDate: date, now, online: true });
      const slot = slots.find((s) => s.startEpochMs === change.start.getTime());
      if (!slot) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
      await setAppointmentStatus(tx, row.id, 'confirmed');
      const moved = await moveAppointmentRow(tx, row.id, {
        start: new Date(slot.startEpochMs),
        end: new Date(slot.endEpochMs),
        practitionerId: slot.practitionerId,
        roomId: slot.roomId ?? null,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
      });
      await cancelPendingReminders(tx, row.id);
      // From the portal there is no manage token to hand out: the message links to the clinic's site, and the patient signs in again.
      await enqueueConfirmationAndReminder(tx, ctx, clinic, moved, 'token' in handle ? handle.token : '', now, 'rescheduled');
      await writeAudit(tx, actor, {
        action: 'appointment.reschedule',
        entityType: 'appointment',
        entityId: row.id,
        before: { start: row.startsAt, practitionerId: row.practitionerId, roomId: row.roomId },
        after: { start: moved.startsAt, practitionerId: moved.practitionerId, roomId: moved.roomId },
      });
      return describeBooking(tx, moved, clinic, now);
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_ERROR.exclusionViolation) throw new AppError('slot_unavailable', 'That time has just been taken.');
    throw error;
  }
}
