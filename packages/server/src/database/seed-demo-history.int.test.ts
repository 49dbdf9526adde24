import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { startApp } from '../start-app.ts';
import { ManualClock } from '../lib/clock.ts';
import { createTestApp, DEFAULT_TEST_NOW, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets, openTestDatabase } from '../test-support/test-database.ts';
import { seedDemoHistory, shouldSeedDemoHistory, type DemoHistoryResult } from './seed-demo-history.ts';

/**
 * What a newcomer sees on the demo's first start (issue 11): a calendar with work this week, signed
 * notes, and an outcome report in which every group has members. The seed is played through the
 * clinic's services, so a refused safety check or constraint would fail it here.
 */
const count = async (test: TestApp, sql: string) => Number((await test.ctx.db.query<{ n: number }>(sql))[0]?.n);

describe.each(databaseTargets)('the demo history on %s', (target) => {
  let test: TestApp;
  let first: DemoHistoryResult;
  let seconds = 0;

  beforeAll(async () => {
    // Monday 30 November 2026, 08:00 in Sharjah.
    test = await createTestApp(target, { now: DEFAULT_TEST_NOW });
    const started = performance.now();
    first = await seedDemoHistory(test.ctx, test.clock.now());
    seconds = (performance.now() - started) / 1000;
  }, 600_000);
  afterAll(() => test?.close());

  it('seeds about forty fictional patients with their visits, notes and measures', () => {
    console.info(`demo history on ${target}: ${JSON.stringify(first)} in ${seconds.toFixed(1)} s`);
    expect(first.seeded).toBe(true);
    expect(first.patients).toBeGreaterThanOrEqual(35);
    expect(first.notes).toBeGreaterThan(100);
  });

  it('makes the fiction plain: every patient has an example.com address', async () => {
    expect(await count(test, `select count(*)::int as n from patients where email not like '%@example.com'`)).toBe(0);
  });

  it('fills this week’s calendar for reception', async () => {
    const reception = await signIn(test.app, 'reception@demo.myomap.app');
    const response = await test.app.inject({ method: 'GET', url: '/api/staff/calendar?from=2026-11-30&to=2026-12-06', headers: reception });
    expect(response.statusCode).toBe(200);
    const events = response.json<{ events: { kind: string; status: string }[] }>().events;
    expect(events.filter((e) => e.kind === 'visit' && e.status === 'confirmed').length).toBeGreaterThanOrEqual(10);
  });

  it('keeps the record honest: signed notes for past visits only, no overrides, no visit left open in the past', async () => {
    expect(await count(test, `select count(*)::int as n from session_notes where status = 'signed'`)).toBe(first.notes);
    expect(await count(test, `select count(*)::int as n from session_notes where status <> 'signed'`)).toBe(0);
    expect(await count(test, 'select count(*)::int as n from precaution_overrides')).toBe(0);
    expect(await count(test, `select count(*)::int as n from appointments where status = 'confirmed' and ends_at <= '${DEFAULT_TEST_NOW}'`)).toBe(0);
    expect(await count(test, `select count(*)::int as n from appointments where status = 'no_show'`)).toBeGreaterThan(0);
    expect(await count(test, `select count(*)::int as n from appointments where status = 'cancelled'`)).toBeGreaterThan(0);
    // History's messages are settled, not sent in a burst on first start.
    expect(await count(test, `select count(*)::int as n from outbox where status = 'pending' and send_after < '${DEFAULT_TEST_NOW}'`)).toBe(0);
  });

  it('has every precaution screen reviewed by the physician, so the review queue holds no stale history', async () => {
    const physician = await signIn(test.app, 'dr.yousef@demo.myomap.app');
    const queue = await test.app.inject({ method: 'GET', url: '/api/staff/reviews', headers: physician });
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toEqual([]);
    expect(await count(test, `select count(*)::int as n from physician_reviews`)).toBeGreaterThan(0);
    expect(await count(test, `select count(*)::int as n from treatment_plans where status <> 'approved'`)).toBe(0);
  });

  it('fills every group of the outcome report', async () => {
    const admin = await signIn(test.app, 'admin@demo.myomap.app');
    const response = await test.app.inject({ method: 'GET', url: '/api/staff/reports/outcomes?from=2026-05-01&to=2026-11-30', headers: admin });
    expect(response.statusCode).toBe(200);
    const report = response.json<{ started: number; groups: Record<string, number> }>();
    expect(report.groups.responder).toBeGreaterThan(0);
    expect(report.groups.non_responder).toBeGreaterThan(0);
    expect(report.groups.dropped_out).toBeGreaterThan(0);
    expect(report.groups.no_follow_up).toBeGreaterThan(0);
    expect(report.groups.in_care).toBeGreaterThan(0);
    expect(await count(test, `select count(*)::int as n from episodes where status = 'dropped_out'`)).toBe(report.groups.dropped_out);
  });

  it('records each signed note’s pain as that visit’s one NPRS in the episode', async () => {
    const notes = await count(test, `select count(*)::int as n from session_notes where status = 'signed'`);
    expect(await count(test, `select count(*)::int as n from measurements where instrument_id = 'nprs'`)).toBe(notes);
    // One NPRS per episode and day: no visit is charted twice.
    expect(
      await count(
        test,
        `select count(*)::int as n from (select 1 from measurements where instrument_id = 'nprs' group by episode_id, taken_on having count(*) > 1) d`,
      ),
    ).toBe(0);
  });

  it('adds nothing on a second run', async () => {
    const tables = ['patients', 'appointments', 'session_notes', 'measurements', 'episodes'];
    const before = await Promise.all(tables.map((t) => count(test, `select count(*)::int as n from ${t}`)));
    const again = await seedDemoHistory(test.ctx, test.clock.now());
    expect(again.seeded).toBe(false);
    expect(await Promise.all(tables.map((t) => count(test, `select count(*)::int as n from ${t}`)))).toEqual(before);
  });
});

describe.each(databaseTargets)('starting the app on %s', (target) => {
  it.runIf(target === 'pglite')(
    'listens before the history is in, and /api/ready says so until it is (a newcomer’s first start, PGlite)',
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-history-start-'));
      const config = loadConfig({ PORT: '0', OUTBOX_INTERVAL_MS: '0', DATA_DIR: dataDir });
      const running = await startApp(config, new ManualClock(new Date(DEFAULT_TEST_NOW)), { logger: false });
      try {
        expect((await running.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        const early = await running.app.inject({ method: 'GET', url: '/api/ready' });
        expect(early.statusCode).toBe(503);
        expect(early.json()).toMatchObject({ error: { code: 'not_ready', details: [{ problem: 'starting: demo_history' }] } });
        let ready = early;
        while (ready.statusCode !== 200) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          ready = await running.app.inject({ method: 'GET', url: '/api/ready' });
        }
        // Ready means the whole history is there (one transaction: all of it or none).
        expect((await running.ctx.db.query<{ n: number }>('select count(*)::int as n from patients'))[0]?.n).toBeGreaterThan(30);
      } finally {
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it('seeds no history under production, nor when the demo is not seeded', () => {
    expect(shouldSeedDemoHistory(loadConfig({ DATA_DIR: '/tmp/h' }))).toBe(true);
    expect(shouldSeedDemoHistory(loadConfig({ SEED_DEMO_HISTORY: '0' }))).toBe(false);
    expect(shouldSeedDemoHistory(loadConfig({ SEED_DEMO: '0' }))).toBe(false);
    expect(shouldSeedDemoHistory(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SEED_DEMO: '1', SEED_DEMO_HISTORY: '1' }))).toBe(false);
  });

  it('with NODE_ENV=production and SEED_DEMO=1, starts with the demo clinic and no patients', async () => {
    const database = target === 'postgres' ? await openTestDatabase('postgres') : undefined;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-history-'));
    const config = {
      ...loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SEED_DEMO: '1', PORT: '0', OUTBOX_INTERVAL_MS: '0', DATA_DIR: dataDir }),
      ...(database?.url ? { databaseUrl: database.url } : {}),
    };
    const running = await startApp(config, new ManualClock(new Date(DEFAULT_TEST_NOW)), { logger: false });
    try {
      expect((await running.ctx.db.query<{ n: number }>('select count(*)::int as n from clinic'))[0]?.n).toBe(1);
      expect((await running.ctx.db.query<{ n: number }>('select count(*)::int as n from patients'))[0]?.n).toBe(0);
    } finally {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  }, 300_000);
});
