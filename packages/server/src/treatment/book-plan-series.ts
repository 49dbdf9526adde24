import { Temporal } from 'temporal-polyfill';
import type { SeriesIn, SeriesOut, SeriesVisitOut } from '@myomap/contract/treatment/plans.schemas';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { localDate, parseOffsetIso, toZonedIso } from '../lib/zoned-time.ts';
import { enqueueConfirmationAndReminder } from '../scheduling/enqueue-appointment-messages.ts';
import { findAvailability } from '../scheduling/find-availability.ts';
import { insertAppointment } from '../stores/appointment-store.ts';
import { findService } from '../stores/catalog-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { insertSeries, lockPlan } from '../stores/plan-store.ts';

/**
 * Previews (`dryRun`) or books an approved plan's series of visits: `count` visits every
 * `intervalDays` at the same wall-clock time in the clinic's zone, each free or clashing with up
 * to three nearest free alternatives. Booking refuses while any visit clashes (409
 * slot_unavailable with the preview), and books all visits or none.
 */
export async function bookPlanSeries(ctx: AppContext, planId: string, input: SeriesIn, actor: Actor): Promise<SeriesOut> {
  const first = parseOffsetIso(input.firstStart);
  if (!first) throw new AppError('validation_failed', '`firstStart` must be a real time with an offset.');
  return ctx.db
    .transaction(async (tx): Promise<SeriesOut> => {
      const now = ctx.clock.now();
      const clinic = await loadClinic(tx);
      const plan = await lockPlan(tx, planId);
      if (!plan) throw new AppError('not_found', 'No such plan.');
      if (plan.status !== 'approved') throw new AppError('conflict', 'Approve the plan (and have it co-signed if needed) before booking its series.');
      const service = await findService(tx, input.serviceId);
      if (!service || !service.active) throw new AppError('unknown_service', 'No such service.');
      // The same wall-clock time each interval, in the clinic's zone (so DST never shifts it).
      const firstLocal = Temporal.Instant.fromEpochMilliseconds(first.getTime()).toZonedDateTimeISO(clinic.timeZone);
      const visits = [];
      for (let index = 0; index < input.count; index++) {
        const requested = firstLocal.add({ days: index * input.intervalDays });
        const chosenIso = input.choices?.[String(index)];
        const chosen = chosenIso ? parseOffsetIso(chosenIso) : new Date(requested.epochMilliseconds);
        if (!chosen) throw new AppError('validation_failed', `Choice ${index} is not a valid time.`);
        const date = localDate(chosen, clinic.timeZone);
        const from = requested.toPlainDate().toString();
        const to = requested.toPlainDate().add({ days: 3 }).toString();
        const slots = await findAvailability(tx, {
          clinic,
          service,
          practitionerId: input.practitionerId,
          fromDate: from < date ? from : date,
          toDate: to > date ? to : date,
          now,
          online: false,
        });
        const free = slots.some((s) => s.startEpochMs === chosen.getTime());
        const alternatives = free
          ? []
          : [...slots]
              .sort((x, y) => Math.abs(x.startEpochMs - requested.epochMilliseconds) - Math.abs(y.startEpochMs - requested.epochMilliseconds))
              .slice(0, 3)
              .sort((x, y) => x.startEpochMs - y.startEpochMs)
              .map((s) => s.start);
        visits.push({
          index,
          requested: toZonedIso(chosen, clinic.timeZone),
          status: free ? ('free' as const) : ('clash' as const),
          alternatives,
          slot: slots.find((s) => s.startEpochMs === chosen.getTime()),
        });
      }
      const preview: SeriesVisitOut[] = visits.map(({ slot: _s, ...v }) => v);
      if (input.dryRun) return { dryRun: true, visits: preview };
      if (visits.some((v) => v.status === 'clash'))
        throw new AppError('slot_unavailable', 'Some visits clash; choose alternatives for them.', { visits: preview });
      const seriesId = await insertSeries(tx, planId);
      const booked: SeriesVisitOut[] = [];
      for (const visit of visits) {
        const slot = visit.slot;
        if (!slot) continue;
        const manageToken = newToken();
        const row = await insertAppointment(tx, {
          reference: null, // a fresh one (migration 0032)
          kind: 'visit',
          serviceId: service.id,
          practitionerId: slot.practitionerId,
          roomId: slot.roomId ?? null,
          patientId: plan.patientId,
          seriesId,
          start: new Date(slot.startEpochMs),
          end: new Date(slot.endEpochMs),
          bufferBeforeMinutes: service.bufferBeforeMinutes,
          bufferAfterMinutes: service.bufferAfterMinutes,
          manageTokenHash: hashToken(manageToken),
          source: 'staff',
          now,
        });
        await enqueueConfirmationAndReminder(tx, ctx, clinic, row, manageToken, now);
        booked.push({
          index: visit.index,
          requested: visit.requested,
          status: 'booked',
          alternatives: [],
          booked: { id: row.id, reference: row.reference ?? '', start: toZonedIso(row.startsAt, clinic.timeZone) },
        });
      }
      await writeAudit(tx, actor, {
        action: 'plan.series_booked',
        entityType: 'treatment_plan',
        entityId: planId,
        after: { seriesId, visits: booked.map((v) => v.booked) },
      });
      return { dryRun: false, seriesId, visits: booked };
    })
    .catch((error: unknown) => {
      if (pgErrorCode(error) === PG_ERROR.exclusionViolation) throw new AppError('slot_unavailable', 'A visit was taken while booking; preview again.');
      throw error;
    });
}
