import type { FastifyInstance } from 'fastify';
import { buildApp, type AppContext } from './build-app.ts';
import type { AppConfig } from './config/load-config.ts';
import { migrate } from './database/migrate.ts';
import type { Database } from './database/database.ts';
import { openDatabase } from './database/open-database.ts';
import { openPostgres } from './database/open-postgres.ts';
import { describeCurrentRole, grantRuntimeRole } from './database/runtime-role.ts';
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

export class RuntimeRoleError extends Error {}

/**
 * Two roles (README, "Database roles"): the owner connection migrates and grants; the app then
 * runs as DATABASE_URL's role, which must be a different, ordinary role or the grants mean nothing.
 */
async function migrateAsOwner(migrationDatabaseUrl: string, runtime: Database): Promise<void> {
  const role = await describeCurrentRole(runtime);
  const owner = await openPostgres(migrationDatabaseUrl, 2);
  try {
    const ownerRole = await describeCurrentRole(owner);
    if (role.superuser || role.name === ownerRole.name) {
      throw new RuntimeRoleError(
        `DATABASE_URL connects as "${role.name}", which ${role.superuser ? 'is a superuser' : 'is the migration (owner) role'}; ` +
          'with MIGRATION_DATABASE_URL set, DATABASE_URL must use a separate role without superuser rights.',
      );
    }
    await migrate(owner);
    await grantRuntimeRole(owner, role.name);
  } finally {
    await owner.close();
  }
  if ((await describeCurrentRole(runtime)).ownsTables) {
    throw new RuntimeRoleError(`DATABASE_URL's role "${role.name}" owns tables; give them to the migration role (ALTER TABLE … OWNER TO).`);
  }
}

/** Opens the database, migrates, seeds when asked, listens and starts the outbox worker. */
export async function startApp(config: AppConfig, clock: Clock = systemClock, options: { logger?: boolean } = {}): Promise<RunningApp> {
  const db = await openDatabase(config);
  try {
    if (config.migrationDatabaseUrl) await migrateAsOwner(config.migrationDatabaseUrl, db);
    else await migrate(db);
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
      ? startOutboxWorker(db, mailer, clock, config.outboxIntervalMs, (error) => app.log.error(error), backgroundTasks(ctx))
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
