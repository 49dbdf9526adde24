import { INSTRUMENTS } from '../packages/domain/src/outcomes/load-instruments.ts';
import { migrate } from '../packages/server/src/database/migrate.ts';
import { seedDemoClinic } from '../packages/server/src/database/seed-demo-clinic.ts';
import { ManualClock } from '../packages/server/src/lib/clock.ts';
import { createMailer } from '../packages/server/src/lib/mailer.ts';
import { loadConfig } from '../packages/server/src/config/load-config.ts';
import { loadOutcomeReport } from '../packages/server/src/outcomes/load-outcome-report.ts';
import { databaseTargets, openTestDatabase } from '../packages/server/src/test-support/test-database.ts';
import type { BenchResult } from './bench-types.ts';

const EPISODES = 10_000;
const RUNS = 7;

/**
 * The owner's outcome report over a clinic with 10,000 episodes and about 40,000 measures
 * (a baseline and three follow-ups each, a tenth never followed up), on PGlite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL. Times the whole service: the one gathering query
 * plus the domain's arithmetic. Treatment sessions are not generated (the visit count joins an
 * empty table), so this is the measures-and-episodes cost.
 */
export async function runOutcomeReportBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const target of databaseTargets) {
    const database = await openTestDatabase(target);
    try {
      await migrate(database.db);
      await seedDemoClinic(database.db, { staff: true });
      const regions = ['cervical', 'lumbar', 'shoulder_upper_extremity', 'thigh_knee', 'leg_foot'];
      await database.db.query(
        `insert into patients (id, name, email) select 'bench-p' || g, 'Bench patient ' || g, 'bench' || g || '@example.com' from generate_series(1, $1) g`,
        [EPISODES],
      );
      await database.db.query(
        `insert into episodes (id, patient_id, complaint, region, practitioner_id, primary_instrument_id, started_on, status, ended_on, discharge_reason)
         select 'bench-e' || g, 'bench-p' || g, 'complaint ' || (g % 7), ($2::text[])[1 + g % 5], (array['prac-amira','prac-omar','prac-sara'])[1 + g % 3], 'nprs',
           date '2025-01-01' + (g % 600), case when g % 4 = 0 then 'open' else 'discharged' end,
           case when g % 4 = 0 then null else date '2025-01-01' + (g % 600) + 60 end, case when g % 4 = 0 then null else 'goals_met' end
         from generate_series(1, $1) g`,
        [EPISODES, regions],
      );
      await database.db.query(
        `insert into measurements (episode_id, patient_id, instrument_id, instrument_version, language, taken_on, taken_at, answers, score, missing_handling, source)
         select 'bench-e' || g, 'bench-p' || g, 'nprs', '1', 'en', date '2025-01-01' + (g % 600) + k * 14, now(),
           jsonb_build_object('pain_24h', greatest(0, 8 - k * (g % 3))), greatest(0, 8 - k * (g % 3)), 'complete', 'clinician'
         from generate_series(1, $1) g cross join generate_series(0, 3) k where k = 0 or g % 10 <> 0`,
        [EPISODES],
      );
      await database.db.query('analyze');
      const ctx = {
        config: loadConfig({}),
        db: database.db,
        clock: new ManualClock(new Date('2026-12-01T08:00:00Z')),
        mailer: createMailer(undefined, 'bench@myomap.test'),
      };
      const actor = { type: 'system' as const };
      const times: number[] = [];
      let started = 0;
      for (let run = 0; run < RUNS; run++) {
        const began = performance.now();
        const report = await loadOutcomeReport(ctx, { from: '2025-01-01', to: '2026-12-31' }, actor);
        times.push(performance.now() - began);
        started = report.started;
      }
      times.sort((a, b) => a - b);
      results.push({
        bench: 'outcome-report',
        database: target,
        episodes: started,
        instruments: INSTRUMENTS.length,
        median_ms: Number((times[Math.floor(RUNS / 2)] as number).toFixed(1)),
        best_ms: Number((times[0] as number).toFixed(1)),
      });
    } finally {
      await database.drop();
    }
  }
  return results;
}
