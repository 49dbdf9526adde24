import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Sql } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies every `migrations/NNNN_name.sql` not yet applied, in name order, each in its own
 * transaction. An advisory lock makes concurrent starts of several instances safe.
 */
export async function migrate(db: Database): Promise<string[]> {
  // The usual start has nothing to apply: two reads, no lock and no transaction (start time, issue 13).
  if ((await listPendingMigrations(db)).length === 0) return [];
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(4242001)');
    await tx.query('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const script = await readFile(migrationsDir + file, 'utf8');
      await tx.exec(script);
      await tx.query('insert into schema_migrations (name) values ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** Migrations on disk that the database has not applied: readiness waits for none. */
export async function listPendingMigrations(db: Sql): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  const [table] = await db.query<{ name: string | null }>(`select to_regclass('schema_migrations')::text as name`);
  if (!table?.name) return files;
  const done = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  return files.filter((file) => !done.has(file));
}
