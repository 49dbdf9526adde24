import type { Registry } from 'prom-client';
import type { AppConfig } from './config/load-config.ts';
import type { Database } from './database/database.ts';
import type { Clock } from './lib/clock.ts';
import type { Mailer } from './lib/mailer.ts';
import type { ScheduleCaches } from './scheduling/schedule-catalog.ts';

/**
 * What every service and route receives: settings, the database, the clock and the mailer.
 * It lives apart from build-app.ts so that services import a type, not the app that imports
 * them (which made 17 type-only import cycles).
 */
export interface AppContext {
  config: AppConfig;
  db: Database;
  clock: Clock;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    /** The Prometheus registry when metrics are on (lib/metrics.ts). */
    metrics: Registry | undefined;
    /** This instance's schedule version and cached catalog, shared by availability and booking. */
    schedule: ScheduleCaches;
    /** Start-up work still running after the server listens (the demo history): /api/ready waits for it. */
    pendingStartup: Set<string>;
  }
}
