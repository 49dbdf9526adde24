import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Database, Sql } from './database.ts';
import { AppError } from '../lib/app-error.ts';
import { fromWireError, inOneTransaction, toWireParam, type FromPglite, type ToPglite } from './pglite-messages.ts';

/**
 * PGlite's thread: the built worker beside the built server or, from source (tests, the bench, a
 * developer's tsx), pglite-worker.ts bundled by esbuild into node_modules/.cache (where its
 * packages resolve). A worker on Node 20 cannot load TypeScript through tsx: module hooks reach
 * worker threads from Node 22.2. Bundled once per process; a file named by its content is
 * written once.
 */
let sourceWorker: Promise<URL> | undefined;

async function bundleSourceWorker(): Promise<URL> {
  // esbuild is a development dependency, as is running from source.
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('./pglite-worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // As scripts/build-server.mjs: npm packages load from node_modules, the workspace's are bundled in.
    plugins: [
      {
        name: 'npm-dependencies-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@myomap/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
    write: false,
    logLevel: 'warning',
  });
  const code = outputFiles[0]!.text;
  const dir = fileURLToPath(new URL('../../../../node_modules/.cache/myomap', import.meta.url));
  const file = path.join(dir, `pglite-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return pathToFileURL(file);
}

export async function startWorker(dataDir: string | undefined, answers: MessagePort): Promise<Worker> {
  const source = import.meta.url.endsWith('.ts');
  const url = source ? await (sourceWorker ??= bundleSourceWorker()) : new URL('./pglite-worker.js', import.meta.url);
  return new Worker(url, { workerData: { dataDir, answers }, transferList: [answers] });
}

/**
 * PGlite is one PostgreSQL backend in WASM. It runs on a thread of its own (pglite-worker.ts), so
 * this thread parses requests, plans bookings and renders messages while PostgreSQL works, and a
 * long query holds no request that does not need the database. Everything is posted without
 * waiting and answered in turn there: one operation at a time in arrival order, an open
 * transaction holding the session until it ends, so transactions never interleave. A transaction
 * procedure (transaction-procedures.ts) is one message, its statements run back to back on that
 * thread. Queries run as named prepared statements (pglite-statements.ts); a transaction's BEGIN
 * goes in the call of its first statement, and COMMIT is one call.
 * `dataDir` undefined means in memory (tests). One process per data directory, never two.
 */
export async function openPglite(dataDir: string | undefined, start: typeof startWorker = startWorker): Promise<Database> {
  // Answers come on a port of their own, which this thread also reads between its other work (`call`).
  const { port1: answers, port2 } = new MessageChannel();
  const worker = await start(dataDir, port2);
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 0;
  let lost: Error | undefined;
  // The thread keeps the process alive only while an answer is awaited.
  const keepAlive = (on: boolean) => {
    if (on) answers.ref();
    else answers.unref();
  };

  let closed = false;
  let announceLost: (error: Error) => void = () => undefined;
  const whenLost = new Promise<Error>((resolve) => (announceLost = resolve));
  /**
   * The thread is gone: every call, waiting or to come, fails with 503 not_ready (the process cannot
   * serve until it is started again); the cause, for the log, is the error's cause.
   */
  const fail = (cause: Error) => {
    if (lost) return;
    lost = new AppError('not_ready', 'The server has lost its database and is restarting.', [{ field: 'pglite', problem: 'thread_ended' }], { cause });
    for (const call of pending.values()) call.reject(lost);
    pending.clear();
    answers.close();
    // Closing ends the thread too; only an end nobody asked for is a loss.
    if (!closed) announceLost(lost);
  };
  let opening: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const receive = (message: FromPglite) => {
    if ('ready' in message) return opening?.resolve();
    if ('failed' in message) return opening?.reject(fromWireError(message.failed));
    if ('notify' in message) return listeners.get(message.notify)?.(message.payload);
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (pending.size === 0) keepAlive(false);
    if ('error' in message) call.reject(fromWireError(message.error));
    else call.resolve(message.result);
  };
  /**
   * Takes the answers already here. Under load this thread has new requests to read on every turn
   * of its event loop, and an answer waiting behind them holds a finished request's response; so
   * each new message first takes those waiting, and their responses go out before it continues.
   */
  const drain = () => {
    for (let next = receiveMessageOnPort(answers); next; next = receiveMessageOnPort(answers)) receive(next.message as FromPglite);
  };
  answers.on('message', receive);
  worker.on('error', (error) => {
    opening?.reject(error);
    fail(error);
  });
  worker.on('exit', (code) => {
    const error = new Error(`PGlite's thread ended (exit code ${code})`);
    opening?.reject(error);
    fail(error);
  });
  worker.unref();
  await new Promise<void>((resolve, reject) => (opening = { resolve, reject }));
  opening = undefined;
  keepAlive(false);

  const call = <T>(message: ToPglite): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (lost) return reject(lost);
      drain();
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      if (pending.size === 1) keepAlive(true);
      worker.postMessage({ ...message, id });
    });
  const send = (message: ToPglite) => {
    if (!lost) worker.postMessage({ ...message, id: 0 });
  };

  const asSql = (tx: number | undefined): Sql => ({
    query: (text, params = []) => call({ op: 'query', text, params: params.map(toWireParam), tx }),
    exec: (script) => call({ op: 'exec', script, tx }),
  });
  const root = asSql(undefined);
  let transactions = 0;
  let listenIds = 0;
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction(work) {
      const tx = ++transactions;
      return inOneTransaction(
        () => send({ op: 'begin', tx }),
        (command) => call<string | undefined>({ op: 'end', tx, command }),
        () => work(asSql(tx)),
      );
    },
    procedure: (name, input) => call({ op: 'procedure', name, input }),
    // One backend: PGlite's thread posts a NOTIFY while it answers the committing query, before
    // that answer, so the listener hears it before the committing caller continues; there is no
    // connection to lose, so a listener is always caught up.
    async listen(channel, onNotify) {
      const listenId = ++listenIds;
      listeners.set(listenId, onNotify);
      await call({ op: 'listen', channel, listenId });
      return {
        stop: async () => {
          // A lost thread listens no more: stopping (as the server shuts down) has nothing to undo.
          if (!lost) await call({ op: 'unlisten', listenId });
          listeners.delete(listenId);
        },
        caughtUp: async () => true,
      };
    },
    lost: () => (closed ? undefined : lost),
    whenLost,
    async close() {
      closed = true;
      if (!lost) await call({ op: 'close' });
      await worker.terminate();
      answers.close();
    },
  };
}
