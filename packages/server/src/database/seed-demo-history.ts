import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import type { AppContext } from '../app-context.ts';
import type { AppConfig } from '../config/load-config.ts';
import type { Database } from './database.ts';
import { ManualClock } from '../lib/clock.ts';
import { runProcedure } from '../transaction-procedures.ts';
import { localDate } from '../lib/zoned-time.ts';
import { markDropOuts } from '../outcomes/mark-drop-outs.ts';
import { countPatients, demoStaffExist, listClinicClosedDates, lockDemoHistory, settlePastDemoMessages } from '../stores/demo-history-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';
import { DEMO_ACTORS, playDemoPatient } from './demo-history/play-demo-patient.ts';
import { DEMO_THERAPISTS, planDemoHistory } from './demo-history/plan-demo-history.ts';
import { Temporal } from 'temporal-polyfill';

export interface DemoHistoryResult {
  seeded: boolean;
  patients: number;
  appointments: number;
  notes: number;
  measurements: number;
}

/** The demo's history is for a demo: never under NODE_ENV=production, and only with the demo clinic. */
export function shouldSeedDemoHistory(config: Pick<AppConfig, 'seedDemo' | 'seedDemoHistory' | 'production'>): boolean {
  return config.seedDemo && config.seedDemoHistory && !config.production;
}

/**
 * Gives the demo clinic six months of fictional history (plan-demo-history.ts says what), so a
 * newcomer sees a working calendar, patient records and a filled outcome report on first start.
 * Everything goes through the clinic's own services with the clock set to each moment, so the
 * constraints, safety gates, precaution checks and audit hold as they do for staff.
 *
 * Idempotent: under a lock, it writes only into a clinic with no patients, so a second start (or
 * a second instance starting at the same time, or a clinic in real use) gets nothing. Kept apart from seed-demo-clinic.ts, which the tests use, so tests stay fast.
 */
export async function seedDemoHistory(ctx: AppContext, now: Date, options: { seed?: number } = {}): Promise<DemoHistoryResult> {
  // One transaction for the whole history: all of it or none (a crash half-way leaves no half
  // clinic behind to block the next start), and on PGlite one commit instead of fifteen hundred.
  return ctx.db.transaction(async (tx) => {
    await lockDemoHistory(tx);
    const result: DemoHistoryResult = { seeded: false, patients: 0, appointments: 0, notes: 0, measurements: 0 };
    const staffIds = [...DEMO_THERAPISTS.map((t) => t.userId), DEMO_ACTORS.reception.id, DEMO_ACTORS.physician.id];
    if ((await countPatients(tx)) > 0 || !(await demoStaffExist(tx, staffIds))) return result;

    const settings = await loadOutcomeSettings(tx);
    const today = localDate(now, settings.timeZone);
    const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(settings.timeZone);
    const shift = (days: number) => Temporal.PlainDate.from(today).add({ days }).toString();
    const plan = planDemoHistory({
      today,
      nowMinute: local.hour * 60 + local.minute,
      closedDates: await listClinicClosedDates(tx, shift(-200), shift(60)),
      dropOutWeeks: settings.dropOutWeeks,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });

    // The services run as usual; their own transactions join this one.
    const clock = new ManualClock(now);
    const joined: Database = {
      kind: ctx.db.kind,
      query: tx.query,
      exec: tx.exec,
      transaction: (work) => work(tx),
      procedure: (name, input) => runProcedure(tx, name, input),
      listen: ctx.db.listen,
      lost: ctx.db.lost,
      whenLost: ctx.db.whenLost,
      close: async () => undefined,
    };
    const historyCtx: AppContext = { ...ctx, db: joined, clock };
    const lefsItems = INSTRUMENTS.find((instrument) => instrument.id === 'lefs')?.items.map((item) => item.id) ?? [];
    for (const patient of plan) {
      const counts = await playDemoPatient(historyCtx, clock, patient, { now, timeZone: settings.timeZone, lefsItems });
      result.patients += 1;
      result.appointments += counts.appointments;
      result.notes += counts.notes;
      result.measurements += counts.measurements;
    }

    // Back to the present: the drop-out rule ends the episodes left without a visit, as the worker would.
    clock.set(now);
    await markDropOuts(historyCtx);
    await settlePastDemoMessages(
      tx,
      plan.map((p) => p.email),
      now,
    );
    result.seeded = true;
    return result;
  });
}
