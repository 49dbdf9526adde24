import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runProcedure } from '../transaction-procedures.ts';
import type { Database, Listening, Sql } from './database.ts';

/** The listening connection's name in pg_stat_activity (an operator, or a test, can find it). */
export const LISTENER_APPLICATION_NAME = 'myomap-listener';

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
  async function transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
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
  }
  return {
    kind: 'postgres',
    query: root.query,
    transaction,
    exec: root.exec,
    procedure: (name, input) => transaction((tx) => runProcedure(tx, name, input)),
    listen: (channel, onNotify, onState) => listenWithReconnect(connectionString, channel, onNotify, onState),
    lost: () => undefined,
    whenLost: new Promise<Error>(() => undefined),
    close: () => pool.end(),
  };
}

const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000];
/** Marks this process's own catch-up notifications (below); every listener ignores them. */
const CATCH_UP_PREFIX = 'myomap-caught-up:';
/** A catch-up that has not come back by then is reported as unconfirmed (it takes a millisecond). */
const CATCH_UP_TIMEOUT_MS = 2_000;

/**
 * LISTEN needs a connection of its own, outside the pool, held open for good. When it drops
 * (server restart, network), the caller hears onState(false) at once and the connection is
 * retried with growing delays; onState(true) follows the next successful LISTEN.
 *
 * Catching up: the server queues notifications in commit order and each listening session reads
 * that queue in order, so when this connection hears a NOTIFY it sent itself after a commit, it has
 * heard that commit's notifications too. Callers waiting at the same time share one such round trip.
 */
async function listenWithReconnect(
  connectionString: string,
  channel: string,
  onNotify: (payload: string) => void,
  onState: (listening: boolean) => void,
): Promise<Listening> {
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  const self = `${CATCH_UP_PREFIX}${randomBytes(6).toString('hex')}:`;
  let sent = 0;
  type Waiters = { resolve: (confirmed: boolean) => void; promise: Promise<boolean> };
  let inFlight: (Waiters & { payload: string; timeout: NodeJS.Timeout }) | undefined;
  let waiting: Waiters | undefined;

  const finish = (confirmed: boolean) => {
    const done = inFlight;
    if (!done) return;
    inFlight = undefined;
    clearTimeout(done.timeout);
    done.resolve(confirmed);
    if (waiting) send();
  };
  const send = () => {
    const waiters = waiting;
    waiting = undefined;
    if (!waiters) return;
    // Not listening: nothing kept by notifications is trusted meanwhile (onState(false)).
    if (!client) return waiters.resolve(false);
    const payload = `${self}${++sent}`;
    inFlight = { ...waiters, payload, timeout: setTimeout(() => finish(false), CATCH_UP_TIMEOUT_MS) };
    client.query('select pg_notify($1, $2)', [channel, payload]).catch(() => finish(false));
  };
  const caughtUp = (): Promise<boolean> => {
    if (!client) return Promise.resolve(false);
    if (!waiting) {
      let resolve!: (confirmed: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      waiting = { resolve, promise };
    }
    const { promise } = waiting;
    // One round trip at a time: a caller arriving while one is out waits for the next, which is
    // sent after its own commit (the one out may have been sent before it).
    if (!inFlight) send();
    return promise;
  };

  /** Connects and listens; resolves false (after cleaning up) when that failed. */
  const open = async (): Promise<boolean> => {
    const next = new pg.Client({ connectionString, application_name: LISTENER_APPLICATION_NAME });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      if (stopped || client !== undefined) return;
      onState(false);
      finish(false);
      retry();
    };
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      const payload = message.payload ?? '';
      if (!payload.startsWith(CATCH_UP_PREFIX)) onNotify(payload);
      else if (payload === inFlight?.payload) finish(true);
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
  return {
    caughtUp,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      finish(false);
      waiting?.resolve(false);
      waiting = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
