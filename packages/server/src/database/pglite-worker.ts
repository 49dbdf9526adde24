import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { runProcedure } from '../transaction-procedures.ts';
import type { Sql } from './database.ts';
import { preparedStatements } from './pglite-statements.ts';
import type { FromPglite, ToPglite } from './pglite-messages.ts';
import { inOneTransaction, toWireError } from './pglite-messages.ts';

/**
 * The thread that owns PGlite (open-pglite.ts starts it): it answers the app's messages in the
 * order they arrive, one at a time, so the app's thread parses HTTP and renders while PostgreSQL
 * runs here.
 */
if (!parentPort) throw new Error('pglite-worker.ts runs as a worker thread (open-pglite.ts starts it)');
const requests = parentPort;
/** Where answers go: a port of their own, which the app's thread also reads synchronously. */
const { dataDir, answers: port } = workerData as { dataDir: string | undefined; answers: MessagePort };

/**
 * PGlite's own start parameters, with a smaller buffer pool. PostgreSQL fills its whole pool with
 * zeros as it starts, and in WASM PGlite's 128 MB took most of a second of every start (issue 13:
 * opening took 780-1,080 ms here, 300-390 ms with 32 MB, the later start's target being 3 s). 32 MB
 * holds 4,096 pages, more than a clinic's busy tables and indexes; a page not in it is read from
 * the data directory's file, through the operating system's cache.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gist }, startParams }).catch((error: unknown) => {
  port.postMessage({ failed: toWireError(error) } satisfies FromPglite);
  throw error;
});
// PGlite has no checkpointer to make WAL segments ahead of time: the commit that needs a new one
// makes it, and filling it with zeros held every queued request 7-23 ms (issue 13). Unfilled, the
// file still gets its full length: PostgreSQL writes its last byte instead.
await pg.exec('set wal_init_zero = off');
const statements = preparedStatements(pg);
const inTransaction: Sql = {
  query: (text, params = []) => statements.query(text, params, true),
  exec: (script) => statements.exclusive(() => pg.exec(script)).then(() => undefined),
};
const listeners = new Map<number, () => Promise<void>>();

async function answer(message: ToPglite): Promise<unknown> {
  switch (message.op) {
    case 'query':
      return statements.query(message.text, message.params, message.tx !== undefined);
    case 'exec':
      await statements.exclusive(() => pg.exec(message.script));
      return undefined;
    case 'begin':
      statements.begin();
      return undefined;
    case 'end':
      return statements.end(message.command);
    case 'procedure':
      return procedureInTransaction(message.name, message.input);
    case 'listen': {
      // PGlite calls the listener while it reads the answer to the committing call, so the
      // notification is posted before that call's answer: the app hears it first.
      const { listenId } = message;
      const stop = await statements.exclusive(() =>
        pg.listen(message.channel, (payload) => port.postMessage({ notify: listenId, payload } satisfies FromPglite)),
      );
      listeners.set(listenId, stop);
      return undefined;
    }
    case 'unlisten': {
      const stop = listeners.get(message.listenId);
      listeners.delete(message.listenId);
      if (stop) await statements.exclusive(stop);
      return undefined;
    }
    case 'close':
      await pg.close();
      return undefined;
  }
}

/** A transaction procedure (transaction-procedures.ts), begun and ended here. */
const procedureInTransaction = (name: string, input: unknown): Promise<unknown> =>
  inOneTransaction(
    () => statements.begin(),
    (command) => statements.end(command),
    () => runProcedure(inTransaction, name, input),
  );

type Call = ToPglite & { id: number };

/** Runs one message and answers it (id 0 expects no answer: a BEGIN, which goes with the next statement). */
function run(call: Call): Promise<void> {
  return answer(call).then(
    (result) => {
      if (call.id !== 0) port.postMessage({ id: call.id, result } satisfies FromPglite);
    },
    (error: unknown) => {
      if (call.id !== 0) port.postMessage({ id: call.id, error: toWireError(error) } satisfies FromPglite);
    },
  );
}

/**
 * The session's operations, one after another in arrival order: a query or script outside a
 * transaction, a procedure (a whole transaction), or a transaction the app's thread drives, which
 * holds the session from its BEGIN until its end. The app posts without waiting, so this thread
 * goes from one operation to the next while the app's thread does its own work.
 */
const waiting: Call[] = [];
let pumping = false;
/** The transaction the app's thread is driving, and its end. */
let open: { tx: number; ended: () => void } | undefined;
/** Statements of a transaction that has not begun yet (it waits its turn), in order. */
const early = new Map<number, Call[]>();

async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  for (let call = waiting.shift(); call; call = waiting.shift()) {
    if (call.op !== 'begin') {
      await run(call);
      continue;
    }
    const { tx } = call;
    await new Promise<void>((ended) => {
      open = { tx, ended };
      void run(call);
      for (const statement of early.get(tx) ?? []) void inside(statement);
      early.delete(tx);
    });
    open = undefined;
  }
  pumping = false;
}

/** A statement of the open transaction (pglite-statements.ts keeps them in order); its end frees the session. */
async function inside(call: Call): Promise<void> {
  await run(call);
  if (call.op === 'end') open?.ended();
}

requests.on('message', (call: Call) => {
  const tx = call.op === 'query' || call.op === 'exec' || call.op === 'end' ? call.tx : undefined;
  if (tx === undefined) {
    waiting.push(call);
    void pump();
  } else if (open?.tx === tx) {
    void inside(call);
  } else {
    const held = early.get(tx) ?? [];
    held.push(call);
    early.set(tx, held);
  }
});
port.postMessage({ ready: true } satisfies FromPglite);
