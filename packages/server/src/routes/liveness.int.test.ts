import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../build-app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config/load-config.ts';
import type { Database } from '../database/database.ts';
import { migrate } from '../database/migrate.ts';
import { openPglite, startWorker } from '../database/open-pglite.ts';
import { seedDemoClinic } from '../database/seed-demo-clinic.ts';
import { ManualClock } from '../lib/clock.ts';
import { createMailer } from '../lib/mailer.ts';
import { DEFAULT_TEST_NOW } from '../test-support/test-app.ts';

// PGlite runs on a thread of its own (open-pglite.ts). Should that thread end (its WASM aborts, its
// heap runs out), the process has no database for the rest of its life: liveness must say so, so that
// a supervisor restarts it, rather than answer 200 while every clinical request fails.
describe('liveness when PGlite’s thread ends', () => {
  let worker: Worker | undefined;
  let db: Database;
  let ctx: AppContext;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    db = await openPglite(undefined, async (...args) => (worker = await startWorker(...args)));
    await migrate(db);
    await seedDemoClinic(db, { staff: false });
    ctx = {
      config: loadConfig({ PUBLIC_URL: 'http://myomap.test', OUTBOX_INTERVAL_MS: '0' }),
      db,
      clock: new ManualClock(new Date(DEFAULT_TEST_NOW)),
      mailer: createMailer(undefined, 'test@myomap.test'),
    };
    app = await buildApp(ctx);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers 200 while the thread lives, then 503 with the reason, and every call fails', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(db.lost()).toBeUndefined();

    const running = db.query('select sum(g) from generate_series(1, 5000000) g');
    await worker?.terminate();
    const lost = await db.whenLost;
    expect(db.lost()).toBe(lost);
    await expect(running).rejects.toBe(lost);
    // The cause, for the log: the thread's end.
    expect(String(lost.cause)).toMatch(/PGlite's thread ended/);

    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ error: { code: 'not_ready', details: [{ field: 'pglite', problem: 'thread_ended' }] } });
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(503);
    // A request that needs the database answers 503 too, at once, rather than hang or 500.
    const services = await app.inject({ method: 'GET', url: '/api/services' });
    expect(services.statusCode).toBe(503);
    expect(services.json()).toMatchObject({ error: { code: 'not_ready' } });
    await expect(db.query('select 1')).rejects.toBe(lost);
  });
});

describe('closing PGlite on purpose', () => {
  it('is not a loss: liveness would stay up and whenLost never settles', async () => {
    const db = await openPglite(undefined);
    await db.query('select 1');
    await db.close();
    expect(db.lost()).toBeUndefined();
    // Were whenLost settled, race would take its value (it is first); it takes the other.
    expect(await Promise.race([db.whenLost, Promise.resolve('not lost')])).toBe('not lost');
  });
});
