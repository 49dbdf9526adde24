/**
 * How an error is written to the log. PostgreSQL puts the offending row's values in an error's
 * `detail` ("Key (email)=(layla@example.com) already exists", "Failing row contains (…)") and
 * drivers may attach the query's parameters: a patient's name, email or phone. The log keeps
 * what finds the bug (type, code, constraint, message, stack) and drops those fields.
 */
export interface LoggedError {
  [field: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  constraint?: string;
  table?: string;
  cause?: LoggedError;
}

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'a thrown non-Error value', stack: '' };
  const fields = error as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  return {
    type: error.constructor.name,
    message: error.message,
    stack: error.stack ?? '',
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.constraint === 'string' ? { constraint: fields.constraint } : {}),
    ...(typeof fields.table === 'string' ? { table: fields.table } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}
