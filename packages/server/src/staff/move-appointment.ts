import type { AppointmentOut, MoveAppointmentIn } from '@myomap/contract/staff/calendar.schemas';
import { decideMovedEnd } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { bookingView } from '../scheduling/booking-view.ts';
import { enqueueConfirmationAndReminder } from '../scheduling/enqueue-appointment-messages.ts';
import { findAppointmentById, moveAppointmentRow } from '../stores/appointment-store.ts';
import { cancelPendingReminders, reinstateReminder } from '../stores/calendar-store.ts';
import { findService } from '../stores/catalog-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { parseStaffTime, refuseClash } from './calendar-input.ts';

/**
 * Drags a visit or block to a new time (and practitioner or room). A moved visit tells the
 * patient unless staff chose not to (`notifyPatient: false`, e.g. an undo or a move agreed by
 * phone); either way the old time's reminder is cancelled and the new time gets one.
 */
export async function moveAppointment(ctx: AppContext, id: string, body: MoveAppointmentIn, actor: Actor): Promise<AppointmentOut> {
  const start = parseStaffTime(body.start, 'start');
  return ctx.db
    .transaction(async (tx) => {
      const clinic = await loadClinic(tx);
      const row = await findAppointmentById(tx, id, true);
      if (!row || row.status === 'cancelled') throw new AppError('not_found', 'No such active appointment.');
      const service = row.serviceId ? await findService(tx, row.serviceId) : undefined;
      const end = decideMovedEnd({
        start,
        serviceMinutes: service?.durationMinutes,
        requestedEnd: !service && body.end ? parseStaffTime(body.end, 'end') : undefined,
        current: { start: row.startsAt, end: row.endsAt },
      });
      if (end <= start) throw new AppError('validation_failed', '`end` must be after `start`.');
      const moved = await moveAppointmentRow(tx, row.id, {
        start,
        end,
        practitionerId: body.practitionerId ?? row.practitionerId,
        roomId: body.roomId === undefined ? row.roomId : body.roomId,
        bufferBeforeMinutes: service?.bufferBeforeMinutes ?? 0,
        bufferAfterMinutes: service?.bufferAfterMinutes ?? 0,
      });
      if (row.kind === 'visit') {
        const now = ctx.clock.now();
        await cancelPendingReminders(tx, row.id);
        // The patient's existing manage link keeps working; the message carries the clinic's phone instead of a new link.
        await enqueueConfirmationAndReminder(tx, ctx, clinic, moved, '', now, 'rescheduled', body.notifyPatient ?? true);
        await reinstateReminder(tx, row.id, moved.startsAt, now);
      }
      await writeAudit(tx, actor, {
        action: 'appointment.move',
        entityType: 'appointment',
        entityId: row.id,
        before: { start: row.startsAt, end: row.endsAt, practitionerId: row.practitionerId, roomId: row.roomId },
        after: {
          start: moved.startsAt,
          end: moved.endsAt,
          practitionerId: moved.practitionerId,
          roomId: moved.roomId,
          ...(row.kind === 'visit' ? { notifyPatient: body.notifyPatient ?? true } : {}),
        },
      });
      return bookingView(moved, clinic.timeZone);
    })
    .catch(refuseClash);
}
