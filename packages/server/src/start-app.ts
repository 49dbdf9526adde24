import type { FastifyInstance } from 'fastify';
import { buildApp } from './build-app.ts';
import type { AppContext } from './app-context.ts';
import type { AppConfig } from './config/load-config.ts';
import { migrate } from './database/migrate.ts';
import type { Database } from './database/database.ts';
import { openDatabase } from './database/open-database.ts';
import { openPostgres } from './database/open-postgres.ts';
import { describeCurrentRole, grantRuntimeRole, RuntimeRoleError } from './database/runtime-role.ts';
import { seedDemoClinic } from './database/seed-demo-clinic.ts';
import { defaultArticlesDir } from './education/article-files.ts';
import { syncArticles, type SyncResult } from './education/sync-articles.ts';
import { seedDemoHistory, shouldSeedDemoHistory } from './database/seed-demo-history.ts';
import { issueSetupLinkIfNoStaff, SETUP_LINK_HOURS } from './accounts/first-run-setup.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createMailer } from './lib/mailer.ts';
import { startMetricsServer } from './lib/metrics.ts';
import { createPhoneChannels } from './messages/channels/create-channels.ts';
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

/**
 * The demo history (a newcomer's first start only) is seeded after the server listens, so the first
 * start answers /api/health in seconds; /api/ready says `starting: demo_history` until it is in. It
 * is one transaction: on PGlite requests wait behind it, and a failure leaves no half history (the
 * next start tries again) and is logged, while the demo clinic itself keeps working.
 */
function seedHistoryInBackground(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const started = performance.now();
  app.pendingStartup.add('demo_history');
  return seedDemoHistory(ctx, ctx.clock.now())
    .then((history) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (history.seeded) app.log.info({ demoHistory: history, seconds }, 'Seeded the demo clinic with a fictional six-month history (first start only).');
    })
    .catch((error: unknown) => app.log.error({ err: error }, 'Could not seed the demo history; the next start tries again.'))
    .finally(() => app.pendingStartup.delete('demo_history'));
}

/** Migrations (as the owner role when there are two), the demo clinic when asked, the education library's files and the first-run link. */
async function prepareDatabase(
  config: AppConfig,
  db: Database,
  clock: Clock,
): Promise<{ setupLink: string | undefined; articleSync: SyncResult; sender: string }> {
  if (config.migrationDatabaseUrl) await migrateAsOwner(config.migrationDatabaseUrl, db);
  else await migrate(db);
  // Production ignores SEED_DEMO for staff: the demo accounts' password is public.
  if (config.seedDemo) await seedDemoClinic(db, { staff: !config.production });
  // The education library's reviewed files become article versions (only files that changed).
  const articleSync = await syncArticles(db, defaultArticlesDir(), clock.now());
  const setupLink = await issueSetupLinkIfNoStaff(db, clock.now(), config.publicUrl);
  const clinic = await loadClinic(db).catch(() => undefined);
  return { setupLink, articleSync, sender: `"${clinic?.name.en ?? 'Myomap'}" <${clinic?.email || 'no-reply@myomap.app'}>` };
}

/** Opens the database, migrates, seeds when asked, listens and starts the outbox worker. */
export async function startApp(
  config: AppConfig,
  clock: Clock = systemClock,
  options: { logger?: boolean; /** The database already opening (start-server.ts); otherwise opened here. */ database?: Promise<Database> } = {},
): Promise<RunningApp> {
  const db = await (options.database ?? openDatabase(config));
  // The app is built (its plugins and routes, about half a second of this thread) while the database
  // migrates and seeds (on PGlite's own thread, or in the server); a later start did one after the
  // other (issue 13). buildApp reads nothing from the database before `databaseReady`.
  const prepared = prepareDatabase(config, db, clock);
  const sender = prepared.then((ready) => ready.sender);
  // A failed preparation fails the start below (nothing is sent): only marked as seen here.
  sender.catch(() => undefined);
  const ctx: AppContext = { config, db, clock, mailer: createMailer(config.smtpUrl, sender) };
  let app: FastifyInstance;
  let setupLink: string | undefined;
  let articleSync: SyncResult;
  try {
    [app, { setupLink, articleSync }] = await Promise.all([buildApp(ctx, { ...options, databaseReady: prepared }), prepared]);
  } catch (error) {
    await prepared.catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
  const stopWorker =
    config.outboxIntervalMs > 0
      ? startOutboxWorker(
          db,
          ctx.mailer,
          clock,
          config.outboxIntervalMs,
          (error) => app.log.error(error),
          backgroundTasks(ctx),
          config.sessionSecret,
          createPhoneChannels(config.messaging),
        )
      : async () => undefined;
  const url = await app.listen({ host: config.host, port: config.port });
  // A newcomer's first start shows a living clinic: six months of fictional patients (never in production).
  const history = shouldSeedDemoHistory(config) ? seedHistoryInBackground(app, ctx) : undefined;
  const metricsServer =
    app.metrics && config.metrics.port !== undefined ? await startMetricsServer(app.metrics, config.metrics.host, config.metrics.port) : undefined;
  if (metricsServer) app.log.info(`Prometheus metrics at ${metricsServer.url}/metrics`);
  if (articleSync?.created.length) app.log.info({ articles: articleSync.created }, 'Education library: new article versions from the files.');
  for (const problem of articleSync?.errors ?? []) app.log.warn(`Education library: skipped ${problem}`);
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
      // Drains in-flight requests, then the worker, then the database (graceful shutdown on SIGTERM).
      await metricsServer?.close();
      await app.close();
      // A history still being written finishes (or fails) before the database closes under it.
      await history;
      await stopWorker();
      ctx.mailer.close();
      await db.close();
    },
  };
}
