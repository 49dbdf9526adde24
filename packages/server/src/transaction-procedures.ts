import type { Database, Sql } from './database/database.ts';
import { bookInTransaction } from './scheduling/book-in-transaction.ts';

/**
 * Transactions that run as one call to the database (`Database.procedure`). PGlite runs them on
 * its own thread (database/pglite-worker.ts), so the session goes from one statement to the next
 * without waiting for this thread's turn in between; a server, or a transaction already open
 * (seed-demo-history.ts), runs them here. Each takes and returns plain data (it crosses threads by
 * structured clone: no functions, class instances or the app's context) and touches nothing but
 * its transaction.
 */
export const transactionProcedures = {
  bookOnline: bookInTransaction,
} as const;

export type ProcedureName = keyof typeof transactionProcedures;
type Procedure<N extends ProcedureName> = (typeof transactionProcedures)[N];

/** Runs a procedure, by name, in the transaction `tx` (as a database adapter does). */
export function runProcedure(tx: Sql, name: string, input: unknown): Promise<unknown> {
  if (!Object.hasOwn(transactionProcedures, name)) return Promise.reject(new Error(`No transaction procedure is named ${name}.`));
  return (transactionProcedures[name as ProcedureName] as (tx: Sql, input: unknown) => Promise<unknown>)(tx, input);
}

/** Runs a procedure in a transaction of its own on `db`, typed by its name. */
export function callProcedure<N extends ProcedureName>(db: Database, name: N, input: Parameters<Procedure<N>>[1]): ReturnType<Procedure<N>> {
  return db.procedure(name, input) as ReturnType<Procedure<N>>;
}
