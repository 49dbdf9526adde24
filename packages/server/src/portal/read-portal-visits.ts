import type { BookingDetailOut } from '@myomap/contract/bookings/bookings.schemas';
import type { AppContext } from '../app-context.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { describeBooking } from '../scheduling/manage-booking.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { listPatientVisits } from '../stores/portal-store.ts';

/**
 * The signed-in patient's visits: upcoming (confirmed, not started) soonest first, and past ones
 * (and cancelled) latest first, each with whether the clinic's rules still let it change online
 * (the same `describeBooking` the manage link shows). One audit row per read.
 */
export async function readPortalVisits(ctx: AppContext, patientId: string, actor: Actor): Promise<{ upcoming: BookingDetailOut[]; past: BookingDetailOut[] }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const clinic = await loadClinic(tx);
    const rows = await listPatientVisits(tx, patientId);
    const upcoming: BookingDetailOut[] = [];
    const past: BookingDetailOut[] = [];
    for (const row of rows) {
      const visit = await describeBooking(tx, row, clinic, now);
      if (row.status === 'confirmed' && row.startsAt > now) upcoming.push(visit);
      else past.unshift(visit);
    }
    await writeAudit(tx, actor, { action: 'portal.visits.read', entityType: 'patient', entityId: patientId, after: { visits: rows.length } });
    return { upcoming, past };
  });
}
