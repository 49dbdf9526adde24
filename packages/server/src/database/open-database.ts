import { mkdir } from 'node:fs/promises';
import type { AppConfig } from '../config/load-config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { openPglite } from './open-pglite.ts';

/**
 * PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite in DATA_DIR, which this
 * process then holds alone (a second process is refused with DataDirInUseError).
 */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  // Loaded when asked for: a start on PGlite opens it before the app's code has loaded (start-server.ts).
  if (config.databaseUrl) return (await import('./open-postgres.ts')).openPostgres(config.databaseUrl);
  await mkdir(config.dataDir, { recursive: true });
  const lock = lockDataDir(config.dataDir);
  try {
    const db = await openPglite(config.dataDir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
