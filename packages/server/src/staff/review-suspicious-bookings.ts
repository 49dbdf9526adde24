import type { KeptOut, ReleasedOut, SuspiciousBooking } from '@myomap/contract/staff/suspicious-bookings.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { cancelStaffOrPatient } from '../scheduling/manage-booking.ts';
import { findAppointmentById } from '../stores/appointment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findSuspicionReason, listFlaggedBookings, markSuspicionReviewed, reviewPendingSuspicion } from '../stores/suspicious-booking-store.ts';

/**
 * Online bookings the abuse rule flagged (scheduling/guard-online-booking.ts): reception sees
 * the upcoming ones, then keeps a booking (it was real) or releases it (cancels it, freeing the
 * slot and telling the contact). Both are audited.
 */
export async function listSuspiciousBookings(ctx: AppContext): Promise<SuspiciousBooking[]> {
  const clinic = await loadClinic(ctx.db);
  const rows = await listFlaggedBookings(ctx.db, ctx.clock.now());
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    start: toZonedIso(new Date(r.startsAt), clinic.timeZone),
    serviceName: r.serviceName,
    practitionerName: r.practitionerName ?? '',
    patientName: r.patientName,
    contact: r.contact,
    bookedFromIp: r.bookedFromIp,
    reason: r.reason,
    bookedAt: toZonedIso(new Date(r.createdAt), clinic.timeZone),
  }));
}

export async function releaseSuspiciousBooking(ctx: AppContext, id: string, actor: Actor): Promise<ReleasedOut> {
  return ctx.db.transaction(async (tx) => {
    const clinic = await loadClinic(tx);
    const row = await findAppointmentById(tx, id, true);
    if (!row || row.kind !== 'visit') throw new AppError('not_found', 'No such appointment.');
    const reason = await findSuspicionReason(tx, row.id);
    if (!reason) throw new AppError('conflict', 'This booking is not flagged as suspicious.');
    if (row.status !== 'confirmed') throw new AppError('already_cancelled', 'This booking is no longer active.');
    const now = ctx.clock.now();
    await markSuspicionReviewed(tx, row.id, now);
    await writeAudit(tx, actor, { action: 'appointment.release_suspicious', entityType: 'appointment', entityId: row.id, before: { reason } });
    await cancelStaffOrPatient(tx, ctx, clinic, row, now, actor, 'released_suspicious');
    return { id: row.id, status: 'cancelled' as const };
  });
}

export async function keepSuspiciousBooking(ctx: AppContext, id: string, actor: Actor): Promise<KeptOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await reviewPendingSuspicion(tx, id, ctx.clock.now());
    if (!row) throw new AppError('not_found', 'No flagged booking awaits review with this id.');
    await writeAudit(tx, actor, { action: 'appointment.keep_suspicious', entityType: 'appointment', entityId: row.id, before: { reason: row.reason } });
    return { id: row.id, kept: true as const };
  });
}
