import type { FastifyInstance } from 'fastify';
import { buildApp, type AppContext } from './build-app.ts';
import type { AppConfig } from './config/load-config.ts';
import { migrate } from './database/migrate.ts';
import { openDatabase } from './database/open-database.ts';
import { seedDemoClinic } from './database/seed-demo-clinic.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createMailer } from './lib/mailer.ts';
import { loadClinic } from './stores/clinic-store.ts';
import { backgroundTasks } from './workers/background-tasks.ts';
import { startOutboxWorker } from './workers/outbox-worker.ts';

export interface RunningApp {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds when asked, listens and starts the outbox worker. */
export async function startApp(config: AppConfig, clock: Clock = systemClock, options: { logger?: boolean } = {}): Promise<RunningApp> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (config.seedDemo) await seedDemoClinic(db);
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
  return {
    app,
    ctx,
    url,
    async stop() {
      await app.close();
      await stopWorker();
      mailer.close();
      await db.close();
    },
  };
}
