import type { FastifyInstance } from 'fastify';
import { buildApp, type AppContext } from './build-app.ts';
import type { AppConfig } from './config/load-config.ts';
import { migrate } from './database/migrate.ts';
import { openDatabase } from './database/open-database.ts';
import { seedDemoClinic } from './database/seed-demo-clinic.ts';
import { issueSetupLinkIfNoStaff, SETUP_LINK_HOURS } from './accounts/first-run-setup.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createMailer } from './lib/mailer.ts';
import { loadClinic } from './stores/clinic-store.ts';
import { backgroundTasks } from './workers/background-tasks.ts';
import { startOutboxWorker } from './workers/outbox-worker.ts';

export interface RunningApp {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** Set on a first run with no staff: the one-time link that creates the first admin. */
  setupLink: string | undefined;
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds when asked, listens and starts the outbox worker. */
export async function startApp(config: AppConfig, clock: Clock = systemClock, options: { logger?: boolean } = {}): Promise<RunningApp> {
  const db = await openDatabase(config);
  let setupLink: string | undefined;
  try {
    await migrate(db);
    // Production ignores SEED_DEMO for staff: the demo accounts' password is public.
    if (config.seedDemo) await seedDemoClinic(db, { staff: !config.production });
    setupLink = await issueSetupLinkIfNoStaff(db, clock.now(), config.publicUrl);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const clinic = await loadClinic(db).catch(() => undefined);
  const mailer = createMailer(config.smtpUrl, `"${clinic?.nameEn ?? 'Myomap'}" <${clinic?.email || 'no-reply@myomap.app'}>`);
  const ctx: AppContext = { config, db, clock, mailer };
  const app = await buildApp(ctx, options);
  const stopWorker =
    config.outboxIntervalMs > 0
      ? startOutboxWorker(db, mailer, clock, config.outboxIntervalMs, (error) => app.log.error(error), backgroundTasks(ctx), config.sessionSecret)
      : async () => undefined;
  const url = await app.listen({ host: config.host, port: config.port });
  if (setupLink) {
    if (config.seedDemo && config.production) app.log.warn('NODE_ENV=production: SEED_DEMO seeded the demo clinic but no demo staff accounts.');
    // The one place the link appears; it works once, for 24 hours, and only while no staff exist.
    app.log.warn(`No staff accounts yet. Create the first admin within ${SETUP_LINK_HOURS} hours at: ${setupLink}`);
  }
  return {
    app,
    ctx,
    url,
    setupLink,
    async stop() {
      await app.close();
      await stopWorker();
      mailer.close();
      await db.close();
    },
  };
}
