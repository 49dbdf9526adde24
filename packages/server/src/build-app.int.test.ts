import { describe, expect, it } from 'vitest';
import { buildApp } from './build-app.ts';
import type { AppContext } from './app-context.ts';
import { loadConfig } from './config/load-config.ts';
import type { Database } from './database/database.ts';
import { migrate } from './database/migrate.ts';
import { seedDemoClinic } from './database/seed-demo-clinic.ts';
import { ManualClock } from './lib/clock.ts';
import { createMailer } from './lib/mailer.ts';
import { DEFAULT_TEST_NOW } from './test-support/test-app.ts';
import { databaseTargets, openTestDatabase } from './test-support/test-database.ts';

/** The database as buildApp sees it, with every call it makes written down. */
function recording(db: Database, calls: string[]): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

// start-app.ts builds the app while the database migrates and seeds (issue 13: a later start did one
// after the other). That is safe only while building reads nothing from the database before
// `databaseReady`: on a first start the tables do not exist yet. A query added at registration would
// fail a first start only now and then, by timing; here it fails every time.
describe.each(databaseTargets)('building the app while the database is made ready (%s)', (target) => {
  it('reads nothing from a database that is not migrated, waits for it, then serves from it', async () => {
    const database = await openTestDatabase(target);
    const calls: string[] = [];
    let release: () => void = () => {};
    const migrated = new Promise<void>((resolve) => (release = resolve)).then(async () => {
      await migrate(database.db);
      await seedDemoClinic(database.db, { staff: false });
    });
    // Resolves when buildApp has registered everything and waits for the database.
    let reached: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (reached = resolve));
    const databaseReady: PromiseLike<void> = {
      then(onFulfilled, onRejected) {
        reached();
        return migrated.then(onFulfilled, onRejected);
      },
    };
    const ctx: AppContext = {
      config: loadConfig({ PUBLIC_URL: 'http://myomap.test', OUTBOX_INTERVAL_MS: '0' }),
      db: recording(database.db, calls),
      clock: new ManualClock(new Date(DEFAULT_TEST_NOW)),
      mailer: createMailer(undefined, 'test@myomap.test'),
    };
    let routes = 0;
    const building = buildApp(ctx, { databaseReady, onRoute: () => routes++ });
    try {
      await waiting;
      expect(routes).toBeGreaterThan(100);
      expect(calls).toEqual([]);
      release();
      const app = await building;
      try {
        // Listening for schedule changes started after the database was ready.
        expect(calls).toContain('listen');
        const services = await app.inject({ method: 'GET', url: '/api/services' });
        expect(services.statusCode).toBe(200);
        expect(services.json<unknown[]>().length).toBeGreaterThan(0);
        const query = 'serviceId=svc-nmt-follow-60&from=2026-12-01&to=2026-12-07&format=compact';
        const first = await app.inject({ method: 'GET', url: `/api/availability?${query}` });
        expect(first.statusCode).toBe(200);
        // Cached under the version the listener keeps: the same question again is answered with the same tag.
        const again = await app.inject({ method: 'GET', url: `/api/availability?${query}`, headers: { 'if-none-match': String(first.headers.etag) } });
        expect(again.statusCode).toBe(304);
      } finally {
        await app.close();
      }
    } finally {
      release();
      await building.catch(() => undefined);
      await database.drop();
    }
  }, 120_000);
});
