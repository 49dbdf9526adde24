import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Sql } from './database.ts';
import { fairTurns } from './fair-turns.ts';
import { preparedStatements } from './pglite-statements.ts';

/**
 * PGlite is one PostgreSQL backend in WASM: it runs one query at a time and queues the rest
 * (in arrival order, each started on a new turn of the event loop: fair-turns.ts),
 * and an open transaction holds that queue, so transactions never interleave.
 * Queries run as named prepared statements (pglite-statements.ts); a transaction's BEGIN goes in
 * the call of its first statement, and COMMIT is one call.
 * `dataDir` undefined means in memory (tests). One process per data directory, never two.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gist } });
  // PGlite has no checkpointer to make WAL segments ahead of time: the commit that needs a new one
  // makes it, and filling it with zeros held every queued request 7-23 ms (issue 13). Unfilled, the
  // file still gets its full length: PostgreSQL writes its last byte instead.
  await pg.exec('set wal_init_zero = off');
  const statements = preparedStatements(pg);
  const asSql = (inTransaction: boolean): Sql => ({
    query: (text, params = []) => statements.query(text, params, inTransaction),
    async exec(script: string) {
      await statements.exclusive(() => pg.exec(script));
    },
  });
  const root = asSql(false);
  const inTransaction = asSql(true);
  const inTurn = fairTurns();
  return {
    kind: 'pglite',
    query: (text, params) => inTurn(() => root.query(text, params)),
    transaction: (work) =>
      inTurn(async () => {
        statements.begin();
        let result;
        try {
          result = await work(inTransaction);
        } catch (error) {
          await statements.end('rollback');
          throw error;
        }
        // COMMIT of a transaction that failed (a caught error) rolls it back and says so.
        if ((await statements.end('commit')) === 'ROLLBACK') {
          throw Object.assign(new Error('The transaction was rolled back instead of committed.'), { code: '25P02' });
        }
        return result;
      }),
    exec: (script) => inTurn(() => root.exec(script)),
    // One backend in this process: a NOTIFY reaches the listener while the committing query is
    // still being answered, before its caller continues, and there is no connection to lose, so
    // a listener is always caught up.
    async listen(channel, onNotify) {
      const stop = await inTurn(() => statements.exclusive(() => pg.listen(channel, (payload) => onNotify(payload))));
      return { stop: () => inTurn(() => statements.exclusive(() => stop())), caughtUp: async () => true };
    },
    close: () => pg.close(),
  };
}
