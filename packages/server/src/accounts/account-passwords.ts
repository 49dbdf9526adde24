import argon2 from 'argon2';
import { checkPasswordPolicy } from '@myomap/domain/accounts/check-password-policy';
import { AppError } from '../lib/app-error.ts';
import { newToken } from '../lib/tokens.ts';

/** argon2id hash of a new password, after the policy check (422 password_too_weak with the problems). */
export async function hashNewPassword(password: string, email: string): Promise<string> {
  const problems = checkPasswordPolicy(password, { email });
  if (problems.length > 0) throw new AppError('password_too_weak', 'Choose a longer or less common password.', { problems });
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash of a random password, so unknown addresses and unset passwords take as long as wrong ones.
const decoyHash = argon2.hash(newToken(), { type: argon2.argon2id });

/** True when the password matches; always spends one argon2 verification. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    await argon2.verify(await decoyHash, password);
    return false;
  }
  return argon2.verify(hash, password);
}
