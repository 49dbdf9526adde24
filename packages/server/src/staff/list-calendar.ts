import type { CalendarOut, CalendarQuery } from '@myomap/contract/staff/calendar.schemas';
import { isCalendarSpanAllowed } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { daysBetween, isRealDate, startOfLocalDay, toZonedIso } from '../lib/zoned-time.ts';
import { listCalendarRows } from '../stores/calendar-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/** The staff calendar over local dates from..to (inclusive), in the clinic's zone. */
export async function listCalendar(ctx: AppContext, query: CalendarQuery): Promise<CalendarOut> {
  const { from, to } = query;
  if (!isRealDate(from) || !isRealDate(to)) throw new AppError('validation_failed', 'from and to must be real dates.');
  if (!isCalendarSpanAllowed(daysBetween(from, to))) throw new AppError('invalid_range', 'Ask for 1 to 93 days with from ≤ to.');
  const clinic = await loadClinic(ctx.db);
  const rows = await listCalendarRows(ctx.db, {
    from: startOfLocalDay(from, clinic.timeZone),
    to: startOfLocalDay(to, clinic.timeZone, 1),
    practitionerId: query.practitionerId,
    roomId: query.roomId,
  });
  return {
    timeZone: clinic.timeZone,
    events: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      reference: r.reference,
      start: toZonedIso(r.startsAt, clinic.timeZone),
      end: toZonedIso(r.endsAt, clinic.timeZone),
      practitionerId: r.practitionerId,
      roomId: r.roomId,
      serviceId: r.serviceId,
      serviceName: r.serviceName,
      patientId: r.patientId,
      patientName: r.patientName,
      note: r.note,
      source: r.source,
      holdExpiresAt: r.holdExpiresAt?.toISOString() ?? null,
      patientState: null,
    })),
  };
}
