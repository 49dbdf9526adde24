import type { Sql } from '../database/database.ts';
import { listPendingMigrations } from '../database/migrate.ts';

/** Answers when the database does: one round trip. */
export async function pingDatabase(sql: Sql): Promise<void> {
  await sql.query('select 1');
}

/** Why the app is not ready (the database does not answer, migrations are pending), or undefined when it is. */
export async function checkReadiness(sql: Sql): Promise<string | undefined> {
  try {
    await pingDatabase(sql);
  } catch {
    // The driver's message may name the host and user; the probe says only what is wrong.
    return 'database_unavailable';
  }
  const pending = await listPendingMigrations(sql).catch(() => undefined);
  if (pending === undefined) return 'database_unavailable';
  return pending.length > 0 ? `migrations_pending: ${pending.join(', ')}` : undefined;
}
