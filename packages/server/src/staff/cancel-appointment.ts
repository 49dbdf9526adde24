import type { AppointmentOut } from '@myomap/contract/staff/calendar.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import type { Actor } from '../lib/audit.ts';
import { bookingView } from '../scheduling/booking-view.ts';
import { cancelStaffOrPatient } from '../scheduling/manage-booking.ts';
import { findAppointmentById } from '../stores/appointment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/** Cancels a visit, block or hold for staff; cancelling twice answers with the cancelled appointment. */
export async function cancelAppointment(ctx: AppContext, id: string, reason: string | undefined, actor: Actor): Promise<AppointmentOut> {
  return ctx.db.transaction(async (tx) => {
    const clinic = await loadClinic(tx);
    const row = await findAppointmentById(tx, id, true);
    if (!row) throw new AppError('not_found', 'No such appointment.');
    if (row.status === 'cancelled') return bookingView(row, clinic.timeZone);
    const cancelled = await cancelStaffOrPatient(tx, ctx, clinic, row, ctx.clock.now(), actor, reason ?? 'staff_cancelled');
    return bookingView(cancelled, clinic.timeZone);
  });
}
