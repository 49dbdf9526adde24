import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../database/database.ts';
import { openPglite } from '../database/open-pglite.ts';
import { openPostgres } from '../database/open-postgres.ts';

export type DatabaseTarget = 'pglite' | 'postgres';

/**
 * Database tests run on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it to the local server), so the same SQL is proven on both.
 */
export const databaseTargets: DatabaseTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: the URL of this test's own database (to open a second pool or server on it). */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for each test file: in-memory PGlite, or a new PostgreSQL database. */
export async function openTestDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  if (target === 'pglite') {
    const db = await openPglite(undefined);
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `myomap_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 30);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // pool.end() resolves before its sockets have closed: wait (briefly) for the sessions to go,
      // so that `force` does not terminate one mid-close (an unhandled 57P01 in the pool's client).
      for (let i = 0; i < 100; i++) {
        const { rows } = await cleanup.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (!rows[0]?.n) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
