import { AppError, type ErrorCode } from '../lib/app-error.ts';

/**
 * What the app's thread and PGlite's thread (pglite-worker.ts) send each other. Values cross by
 * structured clone: strings, numbers, booleans, null, Dates, Uint8Arrays, arrays and plain objects
 * arrive as they left; anything else is made one of those before it is sent (`toWireParam`).
 * Also the one shape of a transaction both threads run (`inOneTransaction`).
 */
export type ToPglite =
  /** `tx`: the transaction the statement belongs to; none outside one. */
  | { op: 'query'; text: string; params: readonly unknown[]; tx: number | undefined }
  | { op: 'exec'; script: string; tx: number | undefined }
  | { op: 'begin'; tx: number }
  | { op: 'end'; tx: number; command: 'commit' | 'rollback' }
  | { op: 'listen'; channel: string; listenId: number }
  | { op: 'unlisten'; listenId: number }
  | { op: 'procedure'; name: string; input: unknown }
  | { op: 'close' };

export type FromPglite =
  | { ready: true }
  /** PGlite could not open (the reason), before any request. */
  | { failed: WireError }
  | { id: number; result: unknown }
  | { id: number; error: WireError }
  | { notify: number; payload: string };

/**
 * An error's message, name and own scalar fields (PostgreSQL's code, constraint, detail...), or an
 * AppError's code and details (a procedure's refusal).
 */
export interface WireError {
  message: string;
  name: string;
  stack: string | undefined;
  fields: Record<string, string | number | boolean | null>;
  appError?: { code: ErrorCode; details: unknown };
}

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', stack: undefined, fields: {} };
  const wire: WireError = { message: error.message, name: error.name, stack: error.stack, fields: {} };
  if (error instanceof AppError) wire.appError = { code: error.code, details: error.details };
  for (const [key, value] of Object.entries(error) as [string, unknown][]) {
    // The failed query's parameters stay on PGlite's side: they may be a patient's details.
    if (key !== 'params' && (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) wire.fields[key] = value;
  }
  return wire;
}

/** The error as the app's code reads it: an AppError, or an Error with PostgreSQL's fields (`code`, `constraint`...). */
export function fromWireError(wire: WireError): Error {
  const error = wire.appError ? new AppError(wire.appError.code, wire.message, wire.appError.details) : Object.assign(new Error(wire.message), wire.fields);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}

/**
 * A parameter as PGlite's serializers would read it on this side. A plain object (a json or jsonb
 * value) becomes its JSON here, as PGlite's json serializer writes it, while its toJSON methods
 * still exist (a clone would drop them); a Buffer arrives as the Uint8Array it is.
 */
export function toWireParam(param: unknown): unknown {
  if (param === null || typeof param !== 'object' || param instanceof Date || Array.isArray(param)) return param;
  if (param instanceof Uint8Array) return param;
  return JSON.stringify(param, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/**
 * `work` between a BEGIN and its end on the one session: ROLLBACK when it throws, else COMMIT, and a
 * COMMIT of a transaction that failed (a caught error) rolls it back and says so (25P02). Both sides
 * use it: the app's thread for a transaction it drives (open-pglite.ts), PGlite's for a procedure.
 */
export async function inOneTransaction<T>(
  begin: () => void,
  end: (command: 'commit' | 'rollback') => Promise<string | undefined>,
  work: () => Promise<T>,
): Promise<T> {
  begin();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await end('rollback');
    throw error;
  }
  if ((await end('commit')) === 'ROLLBACK') {
    throw Object.assign(new Error('The transaction was rolled back instead of committed.'), { code: '25P02' });
  }
  return result;
}
