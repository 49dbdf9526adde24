import { pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';

/** A write naming a missing row, or a value a check constraint refuses, is the caller's mistake. */
export function refuseInvalidReference(error: unknown): never {
  if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'A referenced record does not exist.');
  if (pgErrorCode(error) === PG_ERROR.checkViolation) throw new AppError('validation_failed', 'A value is outside what the clinic allows.');
  throw error;
}
