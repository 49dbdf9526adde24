import { parse, protocol, type PGlite } from '@electric-sql/pglite';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocol']>>['messages'][number];

/** Statements kept prepared at once; the least recently used one is closed beyond this. */
const MAX_PREPARED = 256;

/** "cached plan must not change result type": a table a statement reads changed its columns. */
const FEATURE_NOT_SUPPORTED = '0A000';

interface Prepared {
  name: string;
  /** The parameters' types, as the server inferred them, to serialize each value. */
  paramTypes: number[];
  /** The rows' description (absent when the statement returns no rows), put before each run's rows. */
  rowDescription: BackendMessage | undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Queries on PGlite as named prepared statements: each text is parsed, analysed and described once,
 * and each run is one call into PGlite (bind, execute, sync) instead of PGlite's six for an
 * unnamed statement (parse, describe, bind, describe, execute, sync). PostgreSQL plans a prepared
 * statement's first five runs for their values and then keeps a generic plan when that costs no
 * more, so a hot statement is no longer planned on every run either. Planning was much of a
 * booking's database time: it looks up each table's and index's size, a file-system call each
 * under PGlite (issue 13).
 *
 * Only for PGlite, which is one session (pglite-worker.ts runs the app's operations one at a time):
 * the statements live in that session. Anything else sent to it goes through `exclusive`.
 */
export function preparedStatements(pg: PGlite) {
  const statements = new Map<string, Prepared>();
  let counter = 0;
  // One message at a time: PGlite keeps the results of the call in progress on the instance, and a
  // transaction's queries may be started together (Promise.all), so a second call must wait.
  let tail: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const call = tail.then(work);
    tail = call.catch(() => undefined);
    return call;
  };
  // A transaction's BEGIN waits for its first statement and goes in the same call (`begin()`).
  let beginPending = false;
  const begin = protocol.serialize.query('begin');
  /** Whether a BEGIN is waiting to be sent; whoever asks sends it (or, ending, needs none). */
  const takeBegin = () => {
    const pending = beginPending;
    beginPending = false;
    return pending;
  };
  /** The backend's answer to `message`, after a pending BEGIN sent ahead of it in the same call. */
  const send = (message: Uint8Array, syncToFs: boolean) =>
    inOrder(async () => {
      if (!takeBegin()) return pg.execProtocol(message, { syncToFs });
      const result = await pg.execProtocol(concat([begin, message]), { syncToFs });
      // BEGIN's own answer ends with its ReadyForQuery; the statement's answer is what follows.
      const ready = result.messages.findIndex((m) => m.name === 'readyForQuery');
      return { ...result, messages: result.messages.slice(ready + 1) };
    });
  /** Other work on the session (a script through PGlite's own exec), after a pending BEGIN. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> =>
    inOrder(async () => {
      if (takeBegin()) await pg.execProtocol(begin, { syncToFs: false });
      return work();
    });

  async function prepare(text: string, syncToFs: boolean): Promise<Prepared> {
    const name = `myomap_${(++counter).toString(36)}`;
    const { messages } = await send(
      concat([protocol.serialize.parse({ name, text }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]),
      syncToFs,
    );
    const prepared: Prepared = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      rowDescription: messages.find((message) => message.name === 'rowDescription'),
    };
    statements.set(text, prepared);
    if (statements.size > MAX_PREPARED) {
      const [oldestText, oldest] = statements.entries().next().value as [string, Prepared];
      statements.delete(oldestText);
      await send(concat([protocol.serialize.close({ type: 'S', name: oldest.name }), protocol.serialize.sync()]), syncToFs);
    }
    return prepared;
  }

  async function run<Row>(text: string, params: readonly unknown[], syncToFs: boolean): Promise<Row[]> {
    let prepared = statements.get(text);
    if (prepared) {
      // Most recently used last, so the first entry is the one to close.
      statements.delete(text);
      statements.set(text, prepared);
    } else {
      prepared = await prepare(text, syncToFs);
    }
    // As PGlite's own query serializes them: by the type PostgreSQL inferred, else as text.
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serialize = pg.serializers[prepared.paramTypes[i] ?? 0];
      return serialize ? serialize(param) : (param as { toString(): string }).toString();
    });
    const { messages } = await send(
      concat([protocol.serialize.bind({ statement: prepared.name, values }), protocol.serialize.execute({}), protocol.serialize.sync()]),
      syncToFs,
    );
    const described = prepared.rowDescription ? [prepared.rowDescription, ...messages] : messages;
    return parse.parseResults(described, pg.parsers)[0]?.rows as Row[];
  }

  return {
    /**
     * Runs `text` with `params`. `inTransaction` says whether a transaction is open: outside one,
     * a statement whose cached plan went stale when a table changed is prepared again and rerun
     * once (inside one, the error has aborted the transaction, so it is only forgotten).
     */
    async query<Row>(text: string, params: readonly unknown[], inTransaction: boolean): Promise<Row[]> {
      try {
        return await run<Row>(text, params, !inTransaction);
      } catch (error) {
        const stale = statements.get(text);
        if ((error as { code?: string }).code !== FEATURE_NOT_SUPPORTED || !stale) throw error;
        statements.delete(text);
        // In an aborted transaction the statement is left prepared under its unique name, unused.
        if (inTransaction) throw error;
        await send(concat([protocol.serialize.close({ type: 'S', name: stale.name }), protocol.serialize.sync()]), true);
        return await run<Row>(text, params, true);
      }
    },
    /** Runs other work on the session (a script) in turn with the statements' calls. */
    exclusive,
    /** Opens a transaction: BEGIN goes with the next call, saving a call of its own. */
    begin(): void {
      beginPending = true;
    },
    /**
     * Ends the transaction (COMMIT or ROLLBACK) in one call; its command tag. A transaction that sent
     * nothing was never begun, so it ends with no call.
     */
    end(command: 'commit' | 'rollback'): Promise<string | undefined> {
      return inOrder(async () => {
        if (takeBegin()) return command.toUpperCase();
        const { messages } = await pg.execProtocol(protocol.serialize.query(command), { syncToFs: false });
        const done = messages.findLast((message) => message.name === 'commandComplete') as { text?: string } | undefined;
        return done?.text;
      });
    },
  };
}
