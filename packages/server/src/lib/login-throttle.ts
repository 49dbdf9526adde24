import type { Sql } from '../database/database.ts';
import { claimThrottleAttempt, clearThrottleKey, forgiveOneFailure } from '../stores/login-throttle-store.ts';

/**
 * Progressive delay rather than lockout (OWASP Authentication Cheat Sheet, "Account lockout":
 * lockout lets anyone lock a real user out; a growing delay between guesses does not).
 *
 * - Per account and address: 5 free failures, then the next guess from that address waits
 *   1 s, 2 s, 4 s … up to 15 minutes. A real user signing in from another address is not slowed.
 * - Per account over all addresses: 20 free failures, then 1 s, 2 s … up to 60 s, so a spray from
 *   rotating addresses is slowed too, while the real user waits a minute at most.
 * A key's count starts again after 15 minutes without an attempt.
 */
export const THROTTLE_RULES = {
  accountAddress: { freeFailures: 5, maxDelaySeconds: 15 * 60 },
  account: { freeFailures: 20, maxDelaySeconds: 60 },
} as const;
const RESET_AFTER_MINUTES = 15;

export interface ThrottleDecision {
  allowed: boolean;
  /** When refused: the earliest time to try again. */
  retryAt: Date;
}

const accountAddressKey = (email: string, ip: string) => `acct-ip:${email}|${ip}`;
const accountKey = (email: string) => `acct:${email}`;

/**
 * Claims one attempt for (email, ip) before the password is checked, counting it as a failure
 * until `recordLoginSuccess` says otherwise. One INSERT … ON CONFLICT DO UPDATE per key: the
 * row lock makes concurrent guesses queue, so twenty at once get counts 1…20 and only the free
 * ones are checked. A refused attempt does not count (it checked nothing).
 */
export async function claimLoginAttempt(sql: Sql, email: string, ip: string, now: Date): Promise<ThrottleDecision> {
  const rules = [
    { key: accountAddressKey(email, ip), ...THROTTLE_RULES.accountAddress },
    { key: accountKey(email), ...THROTTLE_RULES.account },
  ];
  // Always in this order (address key, then account key), so two attempts never wait on each other in a cycle.
  for (const rule of rules) {
    const row = await claimThrottleAttempt(sql, rule.key, now, { ...rule, resetAfterMinutes: RESET_AFTER_MINUTES });
    // Refused by the address: stop, so that guesses which checked nothing never count against
    // the account (and never slow its real user elsewhere).
    if (!row.allowed) return { allowed: false, retryAt: row.nextAllowedAt };
  }
  return { allowed: true, retryAt: now };
}

/**
 * A correct password: the address starts afresh, and the attempt no longer counts against the
 * account (other addresses' failures still do).
 */
export async function recordLoginSuccess(sql: Sql, email: string, ip: string): Promise<void> {
  await clearThrottleKey(sql, accountAddressKey(email, ip));
  await forgiveOneFailure(sql, accountKey(email));
}
