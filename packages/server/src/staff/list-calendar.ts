import type { CalendarOut, CalendarQuery } from '@myomap/contract/staff/calendar.schemas';
import { isCalendarSpanAllowed } from '@myomap/domain/scheduling/check-staff-schedule-changes';
import { loadScreeningRules } from '@myomap/domain/screening/load-screening-rules';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { daysBetween, isRealDate, startOfLocalDay, toZonedIso } from '../lib/zoned-time.ts';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { listCalendarPatientStates } from '../stores/calendar-patient-state-store.ts';
import { listCalendarRows } from '../stores/calendar-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';

const clearanceRuleIds = loadScreeningRules()
  .contraindications.rules.filter((rule) => rule.requiresClearance)
  .map((rule) => rule.id);

/** The staff calendar over local dates from..to (inclusive), in the clinic's zone. */
export async function listCalendar(ctx: AppContext, query: CalendarQuery): Promise<CalendarOut> {
  const { from, to } = query;
  if (!isRealDate(from) || !isRealDate(to)) throw new AppError('validation_failed', 'from and to must be real dates.');
  if (!isCalendarSpanAllowed(daysBetween(from, to))) throw new AppError('invalid_range', 'Ask for 1 to 93 days with from ≤ to.');
  const clinic = await loadClinic(ctx.db);
  const range = {
    from: startOfLocalDay(from, clinic.timeZone),
    to: startOfLocalDay(to, clinic.timeZone, 1),
    practitionerId: query.practitionerId,
    roomId: query.roomId,
  };
  const rows = await listCalendarRows(ctx.db, range);
  const states = new Map(
    (await listCalendarPatientStates(ctx.db, { ...range, consentVersion: currentConsentVersion, clearanceRuleIds })).map(({ appointmentId, ...state }) => [
      appointmentId,
      state,
    ]),
  );
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
      patientState: states.get(r.id) ?? null,
    })),
  };
}
