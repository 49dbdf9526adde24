import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api/api-client.ts';

const KNOWN = new Set([
  'invalid_credentials',
  'rate_limited',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'slot_unavailable',
  'validation_failed',
  'not_found',
  'unknown_service',
  'unknown_practitioner',
  'invalid_range',
  'network_error',
  'conflict',
]);

/** A coded API error in the reader's language; unknown codes fall back to a generic line. */
export function errorText(t: TFunction<'staff'>, error: unknown): string {
  if (error instanceof ApiError && KNOWN.has(error.code)) return t(`errors.${error.code}` as 'errors.generic');
  return t('errors.generic');
}
