import { ConfigError, loadConfig } from './config/load-config.ts';
import { DataDirInUseError } from './database/data-dir-lock.ts';
import { openDatabase } from './database/open-database.ts';
import { RuntimeRoleError } from './database/runtime-role.ts';

// The database opens first: PGlite's thread loads PostgreSQL (its WASM, the data directory) while
// this thread loads the app's code, which is why the app comes in by a dynamic import (its own
// chunk in the build). A later start on PGlite took the two one after the other (issue 13).
try {
  const config = loadConfig();
  const database = openDatabase(config);
  // Its failure (the data directory in use, say) is met where startApp awaits it.
  database.catch(() => undefined);
  const { startApp } = await import('./start-app.ts');
  const running = await startApp(config, undefined, { logger: true, database });
  const where = config.migrationDatabaseUrl
    ? 'PostgreSQL (DATABASE_URL, runtime role; migrations as MIGRATION_DATABASE_URL)'
    : config.databaseUrl
      ? 'PostgreSQL (DATABASE_URL, one role for migrations and runtime)'
      : `embedded PGlite in ${config.dataDir}`;
  running.app.log.info(`Myomap is running at ${config.publicUrl} on ${where}`);
  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info(`${reason}, shutting down`);
    running.stop().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT received'));
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  // Without its database (PGlite's thread ended) the process can only fail requests: it exits 1,
  // after answering those it can, for its supervisor (Docker, systemd) to start it again.
  void running.ctx.db.whenLost.then((error) => {
    running.app.log.fatal({ err: error }, 'The database was lost');
    shutdown('Database lost', 1);
  });
} catch (error) {
  // Configuration problems and a data directory held by another process are the operator's to fix.
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof RuntimeRoleError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
