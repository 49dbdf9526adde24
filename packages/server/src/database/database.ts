/**
 * One small interface over both PostgreSQL drivers. Every query in Myomap is plain,
 * parameterised PostgreSQL, so the same SQL runs on PGlite (embedded) and on a server.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a multi-statement script with no parameters (migrations, seeds). */
  exec(script: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Runs a transaction procedure (transaction-procedures.ts) by name, with plain-data input, in one
   * transaction: on PGlite's own thread in one message, on a server here.
   */
  procedure(name: string, input: unknown): Promise<unknown>;
  /**
   * LISTEN on `channel`: `onNotify` runs for each committed NOTIFY with its payload, `onState(false)` when the
   * listening connection is lost (notifications may be missed until `onState(true)`, after it
   * reconnected). Resolves once listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onState: (listening: boolean) => void): Promise<Listening>;
  /**
   * Why this process can no longer use the database, once it has lost it for good: PGlite's thread
   * ended (its WASM aborted, or its heap ran out) and every call since fails. Undefined until then,
   * and always on PostgreSQL, whose pool reconnects. Liveness fails from then on (health.routes.ts).
   */
  lost(): Error | undefined;
  /** Settles with lost()'s error when the database is lost; never otherwise. The server then shuts down (start-server.ts). */
  readonly whenLost: Promise<Error>;
  close(): Promise<void>;
}

export interface Listening {
  /**
   * Resolves once every notification committed before the call has reached `onNotify`: true, or
   * false when that could not be confirmed in time (the caller should treat everything as changed).
   * A server delivers notifications to a listener some time after the commit that sent them;
   * this is how a writer reads its own writes through anything kept up to date by them.
   */
  caughtUp(): Promise<boolean>;
  stop(): Promise<void>;
}

/** PostgreSQL error codes the app turns into domain errors. */
export const PG_ERROR = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  raiseException: 'P0001',
} as const;

function pgErrorField(error: unknown, field: 'code' | 'constraint'): string | undefined {
  if (typeof error === 'object' && error !== null && field in error) {
    const value = (error as Record<typeof field, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The SQLSTATE of a database error (see `PG_ERROR`), from PGlite or node-postgres alike. */
export const pgErrorCode = (error: unknown): string | undefined => pgErrorField(error, 'code');

/** The constraint a database error names (a unique, exclusion or foreign key violation), if any. */
export const pgConstraint = (error: unknown): string | undefined => pgErrorField(error, 'constraint');
