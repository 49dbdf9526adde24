import pg from 'pg';
import type { Database, Sql } from './database.ts';

// Return timestamptz and date columns as strings and bigint counts as numbers, the way
// PGlite does, so both drivers hand the stores the same shapes.
const { types } = pg;
types.setTypeParser(types.builtins.TIMESTAMPTZ, (value) => new Date(value));
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));

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
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(asSql(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: root.exec,
    close: () => pool.end(),
  };
}
