import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Sql } from './database.ts';
import { fairTurns } from './fair-turns.ts';

/**
 * PGlite is one PostgreSQL backend in WASM: it runs one query at a time and queues the rest
 * (in arrival order, each started on a new turn of the event loop: fair-turns.ts),
 * and an open transaction holds that queue, so transactions never interleave.
 * `dataDir` undefined means in memory (tests). One process per data directory, never two.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gist } });
  const asSql = (runner: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await runner.exec(script);
    },
  });
  const root = asSql(pg);
  const inTurn = fairTurns();
  return {
    kind: 'pglite',
    query: (text, params) => inTurn(() => root.query(text, params)),
    transaction: (work) => inTurn(() => pg.transaction((tx) => work(asSql(tx)))),
    exec: (script) => inTurn(() => root.exec(script)),
    // One backend in this process: a NOTIFY reaches the listener while the committing query is
    // still being answered, before its caller continues, and there is no connection to lose, so
    // a listener is always caught up.
    async listen(channel, onNotify) {
      const stop = await pg.listen(channel, (payload) => onNotify(payload));
      return { stop, caughtUp: async () => true };
    },
    close: () => pg.close(),
  };
}
