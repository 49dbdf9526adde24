import type { Writable } from 'node:stream';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../build-app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig, type AppConfig } from '../config/load-config.ts';
import { migrate } from '../database/migrate.ts';
import { DEMO_PASSWORD, seedDemoClinic } from '../database/seed-demo-clinic.ts';
import { ManualClock } from '../lib/clock.ts';
import { createMailer, type Mailer } from '../lib/mailer.ts';
import { openTestDatabase, type DatabaseTarget, type TestDatabase } from './test-database.ts';
import { workOutbox } from '../workers/outbox-worker.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Monday 30 November 2026, 08:00 in Sharjah: a working week with the National Day holiday in it. */
export const DEFAULT_TEST_NOW = '2026-11-30T04:00:00Z';

export async function createTestApp(
  target: DatabaseTarget,
  options: {
    now?: string;
    mailer?: Mailer;
    config?: Partial<AppConfig>;
    logStream?: Writable;
    demoStaff?: boolean;
    onRoute?: (route: RouteOptions) => void;
    webDist?: string;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(target);
  await migrate(database.db);
  await seedDemoClinic(database.db, { staff: options.demoStaff ?? true });
  const clock = new ManualClock(new Date(options.now ?? DEFAULT_TEST_NOW));
  const config = { ...loadConfig({ PUBLIC_URL: 'http://myomap.test', OUTBOX_INTERVAL_MS: '0' }), ...options.config };
  const ctx: AppContext = { config, db: database.db, clock, mailer: options.mailer ?? createMailer(undefined, 'test@myomap.test') };
  const app = await buildApp(ctx, {
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
    ...(options.webDist ? { webDist: options.webDist } : {}),
  });
  return {
    app,
    ctx,
    clock,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Signs in a demo staff member and returns headers that carry the session and CSRF token. */
export async function signIn(app: FastifyInstance, email: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'myomap_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `myomap_session=${cookie.value}`, 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken };
}

/** The demo clinic's staff, one of each role, signed in (sequentially: sign-in is rate-limited per address). */
export async function signInDemoStaff(
  app: FastifyInstance,
): Promise<Record<'admin' | 'reception' | 'therapist' | 'physician', Awaited<ReturnType<typeof signIn>>>> {
  return {
    admin: await signIn(app, 'admin@demo.myomap.app'),
    reception: await signIn(app, 'reception@demo.myomap.app'),
    therapist: await signIn(app, 'amira@demo.myomap.app'),
    physician: await signIn(app, 'dr.yousef@demo.myomap.app'),
  };
}

/** Works the outbox until nothing is due, sending through `mailer` (e.g. to the test SMTP server). */
export async function deliverOutbox(test: Pick<TestApp, 'ctx' | 'clock'>, mailer: Mailer): Promise<void> {
  while ((await workOutbox(test.ctx.db, mailer, test.clock, 20, test.ctx.config.sessionSecret)) > 0);
}
