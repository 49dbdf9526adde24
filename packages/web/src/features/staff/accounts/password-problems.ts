import type { TFunction } from 'i18next';
import { ApiError } from '../../../lib/api/api-client.ts';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';

/**
 * What is wrong with a refused new password, spelled out from the server's details
 * (password_too_weak with `problems`, the codes of the domain's checkPasswordPolicy); undefined
 * for any other error, which the screen words with useErrorText().
 */
export function passwordProblemsText(t: TFunction<'staff', 'accounts'>, error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'password_too_weak') return undefined;
  const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [];
  const known = problems.filter((p) => isKeyOf(en.accounts.problems, p));
  return known.length > 0 ? known.map((p) => t(`problems.${p}`)).join(' ') : undefined;
}
