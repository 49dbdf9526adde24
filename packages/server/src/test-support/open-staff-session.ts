import type { Database } from '../database/database.ts';
import { SESSION_COOKIE } from '../lib/staff-session.ts';
import { hashToken, newToken } from '../lib/tokens.ts';

/**
 * A session for a demo staff member, written straight to the database: the same rows sign-in
 * writes, without argon2 or the sign-in rate limit, for tests that need many sessions.
 */
export async function openStaffSession(db: Database, email: string, now: Date): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const [user] = await db.query<{ id: string }>('select id from staff_users where email = $1', [email]);
  if (!user) throw new Error(`no staff user ${email}`);
  const token = newToken();
  const csrfToken = newToken();
  await db.query('insert into staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    hashToken(token),
    user.id,
    csrfToken,
    now.toISOString(),
    new Date(now.getTime() + 86_400_000).toISOString(),
  ]);
  return { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken };
}
