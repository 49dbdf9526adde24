import pg from 'pg';
import type { Database, Sql } from './database.ts';

// Return timestamptz and date columns as strings and bigint counts as numbers, the way
// PGlite does, so both drivers hand the stores the same shapes.
const { types } = pg;
types.setTypeParser(types.builtins.TIMESTAMPTZ, (value) => new Date(value));
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));

/**
 * Two transactions inserting rows that clash under an exclusion constraint can each wait for
 * the other; PostgreSQL breaks the cycle by failing one with a deadlock. Such failures (and
 * serialization failures) are retried whole: every transaction body here only touches the
 * database, so running it again is safe, and the retry sees the winner and answers normally.
 */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // Fail at start, with the driver's message, when the server is unreachable.
  await pool.query('select 1');
  const asSql = (runner: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await runner.query(script);
    },
  });
  const root = asSql(pool);
  return {
    kind: 'postgres',
    query: root.query,
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await work(asSql(client));
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          const code = (error as { code?: unknown }).code;
          if (typeof code !== 'string' || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
        } finally {
          client.release();
        }
        // Back off a little, more each time, so the clashing transactions do not meet again.
        await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.floor(Math.random() * 10)));
      }
    },
    exec: root.exec,
    close: () => pool.end(),
  };
}
