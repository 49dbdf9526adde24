import type { Sql } from '../database/database.ts';

export interface ThrottleRule {
  /** Failures in a row before a delay starts. */
  freeFailures: number;
  maxDelaySeconds: number;
  /** A key untouched this long starts afresh. */
  resetAfterMinutes: number;
}

/**
 * Counts one attempt on `key` and says whether it may be checked now, in one INSERT … ON
 * CONFLICT DO UPDATE: the row lock makes concurrent attempts on one key queue, so each sees the
 * count the one before it left. A refused attempt does not count (it checked nothing).
 */
export async function claimThrottleAttempt(sql: Sql, key: string, now: Date, rule: ThrottleRule): Promise<{ allowed: boolean; nextAllowedAt: Date }> {
  const [row] = await sql.query<{ allowed: boolean; next_allowed_at: Date }>(
    `insert into login_throttle as t (key, failures, last_attempt_at, next_allowed_at, allowed)
     values ($1, 1, $2::timestamptz, $2::timestamptz + make_interval(secs => case when 1 >= $3 then least($4, 2 ^ (1 - $3)) else 0 end), true)
     on conflict (key) do update set
       failures = case
         when t.last_attempt_at <= $2::timestamptz - make_interval(mins => $5) then 1
         when t.next_allowed_at > $2::timestamptz then t.failures
         else t.failures + 1 end,
       next_allowed_at = case
         when t.last_attempt_at <= $2::timestamptz - make_interval(mins => $5) then excluded.next_allowed_at
         when t.next_allowed_at > $2::timestamptz then t.next_allowed_at
         else $2::timestamptz + make_interval(secs => case when t.failures + 1 >= $3 then least($4, 2 ^ (t.failures + 1 - $3)) else 0 end) end,
       allowed = t.last_attempt_at <= $2::timestamptz - make_interval(mins => $5) or t.next_allowed_at <= $2::timestamptz,
       last_attempt_at = case
         when t.last_attempt_at > $2::timestamptz - make_interval(mins => $5) and t.next_allowed_at > $2::timestamptz then t.last_attempt_at
         else $2::timestamptz end
     returning allowed, next_allowed_at`,
    [key, now.toISOString(), rule.freeFailures, rule.maxDelaySeconds, rule.resetAfterMinutes],
  );
  if (!row) throw new Error('login throttle upsert returned no row');
  return { allowed: row.allowed, nextAllowedAt: new Date(row.next_allowed_at) };
}

export async function clearThrottleKey(sql: Sql, key: string): Promise<void> {
  await sql.query('delete from login_throttle where key = $1', [key]);
}

/** Takes one failure off a key (a correct password: that attempt no longer counts). */
export async function forgiveOneFailure(sql: Sql, key: string): Promise<void> {
  await sql.query('update login_throttle set failures = greatest(failures - 1, 0) where key = $1', [key]);
}
