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
   * LISTEN on `channel`: `onNotify` runs for each committed NOTIFY with its payload, `onState(false)` when the
   * listening connection is lost (notifications may be missed until `onState(true)`, after it
   * reconnected). Resolves once listening; the returned function stops it.
   */
  listen(channel: string, onNotify: (payload: string) => void, onState: (listening: boolean) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
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

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
