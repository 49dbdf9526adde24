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
  // An idle connection the server ends (a restart, an administrator, a forced drop) is an 'error' on
  // the pool: the pool has already dropped it and the next query opens a new one. Unhandled, that
  // event would end the process.
  pool.on('error', () => undefined);
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
    listen: (channel, onNotify, onState) => listenWithReconnect(connectionString, channel, onNotify, onState),
    close: () => pool.end(),
  };
}

const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * LISTEN needs a connection of its own, outside the pool, held open for good. When it drops
 * (server restart, network), the caller hears onState(false) at once and the connection is
 * retried with growing delays; onState(true) follows the next successful LISTEN.
 */
async function listenWithReconnect(
  connectionString: string,
  channel: string,
  onNotify: (payload: string) => void,
  onState: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  /** Connects and listens; resolves false (after cleaning up) when that failed. */
  const open = async (): Promise<boolean> => {
    const next = new pg.Client({ connectionString });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      if (stopped || client !== undefined) return;
      onState(false);
      retry();
    };
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      lost = true;
      await next.end().catch(() => undefined);
      return false;
    }
    next.on('error', onLost);
    next.on('end', onLost);
    client = next;
    failures = 0;
    return true;
  };
  const retry = () => {
    const delay = RECONNECT_DELAYS_MS[Math.min(failures++, RECONNECT_DELAYS_MS.length - 1)];
    timer = setTimeout(() => {
      void open().then((ok) => {
        if (stopped) void client?.end().catch(() => undefined);
        else if (ok) onState(true);
        else retry();
      });
    }, delay);
  };

  if (!(await open())) throw new Error(`Could not LISTEN on ${channel}`);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
