import { pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { parseOffsetIso } from '../lib/zoned-time.ts';

/** A time the schema admitted by pattern; refused here when it names no real instant (2026-02-30T…). */
export function parseStaffTime(value: string, field: string): Date {
  const parsed = parseOffsetIso(value);
  if (!parsed) throw new AppError('validation_failed', `\`${field}\` must be a real time with an offset.`);
  return parsed;
}

/** The exclusion constraints decide clashes; their violation is the expected 409. */
export function refuseClash(error: unknown): never {
  if (pgErrorCode(error) === PG_ERROR.exclusionViolation) {
    throw new AppError('slot_unavailable', 'That practitioner or room is already busy then (including cleaning time).');
  }
  throw error;
}
