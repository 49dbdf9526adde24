import type { Sql } from '../database/database.ts';
import { decryptSecret, hashRecoveryCode, looksLikeRecoveryCode, verifyTotp } from '../lib/two-factor.ts';
import { findAccountById, recordTotpStep, useRecoveryCode } from '../stores/staff-account-store.ts';

/**
 * Checks a sign-in code: a current TOTP code (not one already used), or an unused recovery
 * code, which is then spent. Locks the user's row, so two requests carrying the same code
 * cannot both pass. Returns how the user proved it, or undefined.
 */
export async function checkSecondFactor(
  tx: Sql,
  sessionSecret: string,
  userId: string,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery_code' | undefined> {
  const account = await findAccountById(tx, userId, { lock: true });
  if (!account?.totpSecretEnc) return undefined;
  const step = verifyTotp(decryptSecret(sessionSecret, account.totpSecretEnc), code, now, account.totpLastStep);
  if (step !== undefined) {
    await recordTotpStep(tx, userId, step);
    return 'totp';
  }
  if (looksLikeRecoveryCode(code) && (await useRecoveryCode(tx, userId, hashRecoveryCode(sessionSecret, code), now))) return 'recovery_code';
  return undefined;
}
