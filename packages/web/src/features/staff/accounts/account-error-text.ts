import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { accountsEn } from './accounts-en.ts';

/** A coded account error in the reader's language, with the password problems spelled out. */
export function accountErrorText(t: TFunction<'accounts'>, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'password_too_weak') {
    const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [];
    const known = problems.filter((p) => p in accountsEn.problems);
    if (known.length > 0) return known.map((p) => t(`problems.${p}` as 'problems.too_short')).join(' ');
  }
  return error.code in accountsEn.errors ? t(`errors.${error.code}` as 'errors.generic') : t('errors.generic');
}
