import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api/api-client.ts';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';

/** A coded account error in the reader's language, with the password problems spelled out. */
export function accountErrorText(t: TFunction<'staff', 'accounts'>, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'password_too_weak') {
    const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [];
    const known = problems.filter((p) => isKeyOf(en.accounts.problems, p));
    if (known.length > 0) return known.map((p) => t(`problems.${p}`)).join(' ');
  }
  return isKeyOf(en.accounts.errors, error.code) ? t(`errors.${error.code}`) : t('errors.generic');
}
