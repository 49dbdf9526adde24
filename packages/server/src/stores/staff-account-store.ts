import type { Sql } from '../database/database.ts';
import type { StaffRole } from '@myomap/domain/access/permissions';
import { hashToken, newToken } from '../lib/tokens.ts';

/** SQL for staff accounts: users, one-time links, TOTP state and recovery codes. */

export interface StaffAccountRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
  active: boolean;
  passwordHash: string | null;
  totpSecretEnc: string | null;
  totpPendingEnc: string | null;
  totpLastStep: number | null;
  twoFactorEnabled: boolean;
  twoFactorExempt: boolean;
}

const ACCOUNT_COLUMNS = `id, email, name, role, practitioner_id as "practitionerId", active, password_hash as "passwordHash",
  totp_secret_enc as "totpSecretEnc", totp_pending_enc as "totpPendingEnc", totp_last_step::int as "totpLastStep",
  totp_enabled_at is not null as "twoFactorEnabled", two_factor_exempt as "twoFactorExempt"`;

export async function findAccountByEmail(sql: Sql, email: string): Promise<StaffAccountRow | undefined> {
  const [row] = await sql.query<StaffAccountRow>(`select ${ACCOUNT_COLUMNS} from staff_users where email = $1`, [email]);
  return row;
}

/** The row locked for update, so two code checks for one user run one after the other. */
export async function findAccountById(sql: Sql, id: string, options: { lock?: boolean } = {}): Promise<StaffAccountRow | undefined> {
  const [row] = await sql.query<StaffAccountRow>(`select ${ACCOUNT_COLUMNS} from staff_users where id = $1${options.lock ? ' for update' : ''}`, [id]);
  return row;
}

export interface StaffListItem {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
  active: boolean;
  passwordSet: boolean;
  twoFactorEnabled: boolean;
  twoFactorExempt: boolean;
  createdAt: string;
}

export async function listStaffAccounts(sql: Sql): Promise<StaffListItem[]> {
  return sql.query<StaffListItem>(
    `select id, email, name, role, practitioner_id as "practitionerId", active, password_hash is not null as "passwordSet",
       totp_enabled_at is not null as "twoFactorEnabled", two_factor_exempt as "twoFactorExempt", created_at as "createdAt"
     from staff_users order by active desc, name`,
  );
}

export async function insertStaffAccount(
  sql: Sql,
  user: { email: string; name: string; role: StaffRole; practitionerId: string | null; passwordHash: string | null },
): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    'insert into staff_users (email, name, role, practitioner_id, password_hash) values ($1, $2, $3, $4, $5) returning id',
    [user.email, user.name, user.role, user.practitionerId, user.passwordHash],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function countActiveAdmins(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`select count(*)::int as n from staff_users where role = 'admin' and active`);
  return row?.n ?? 0;
}

export async function setPassword(sql: Sql, userId: string, passwordHash: string, now: Date): Promise<void> {
  await sql.query('update staff_users set password_hash = $2, password_changed_at = $3 where id = $1', [userId, passwordHash, now.toISOString()]);
}

export async function setActive(sql: Sql, userId: string, active: boolean): Promise<void> {
  await sql.query('update staff_users set active = $2 where id = $1', [userId, active]);
}

/** Ends a user's sessions, all of them or all but the one whose hash is given. */
export async function deleteSessions(sql: Sql, userId: string, exceptHash?: string): Promise<void> {
  await sql.query('delete from staff_sessions where user_id = $1 and id_hash <> $2', [userId, exceptHash ?? '']);
}

// ---- one-time links ------------------------------------------------------------------------

export type LinkPurpose = 'setup' | 'invite' | 'reset';

/** Creates a link token; only its hash is stored. An earlier unused link of the same purpose for the user stops working. */
export async function createAccountLink(sql: Sql, purpose: LinkPurpose, userId: string | null, now: Date, validHours: number): Promise<string> {
  const token = newToken();
  if (userId)
    await sql.query(`update staff_account_links set used_at = $3 where user_id = $1 and purpose = $2 and used_at is null`, [
      userId,
      purpose,
      now.toISOString(),
    ]);
  await sql.query('insert into staff_account_links (id_hash, purpose, user_id, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    hashToken(token),
    purpose,
    userId,
    now.toISOString(),
    new Date(now.getTime() + validHours * 3_600_000).toISOString(),
  ]);
  return token;
}

export interface AccountLink {
  idHash: string;
  purpose: LinkPurpose;
  userId: string | null;
  email: string | null;
  name: string | null;
}

/** A link that is unused, unexpired, and (for invite/reset) belongs to an active user. */
export async function findUsableLink(sql: Sql, token: string, now: Date, options: { lock?: boolean } = {}): Promise<AccountLink | undefined> {
  const [row] = await sql.query<AccountLink>(
    `select l.id_hash as "idHash", l.purpose, l.user_id as "userId", u.email, u.name
     from staff_account_links l left join staff_users u on u.id = l.user_id
     where l.id_hash = $1 and l.used_at is null and l.expires_at > $2 and (l.user_id is null or u.active)${options.lock ? ' for update of l' : ''}`,
    [hashToken(token), now.toISOString()],
  );
  return row;
}

export async function markLinkUsed(sql: Sql, idHash: string, now: Date): Promise<void> {
  await sql.query('update staff_account_links set used_at = $2 where id_hash = $1', [idHash, now.toISOString()]);
}

export async function countStaffUsers(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>('select count(*)::int as n from staff_users');
  return row?.n ?? 0;
}

// ---- two-factor ----------------------------------------------------------------------------

export async function setPendingTotp(sql: Sql, userId: string, encrypted: string): Promise<void> {
  await sql.query('update staff_users set totp_pending_enc = $2 where id = $1', [userId, encrypted]);
}

export async function enableTotp(sql: Sql, userId: string, encrypted: string, step: number, now: Date): Promise<void> {
  await sql.query('update staff_users set totp_secret_enc = $2, totp_pending_enc = null, totp_last_step = $3, totp_enabled_at = $4 where id = $1', [
    userId,
    encrypted,
    step,
    now.toISOString(),
  ]);
}

export async function recordTotpStep(sql: Sql, userId: string, step: number): Promise<void> {
  await sql.query('update staff_users set totp_last_step = $2 where id = $1', [userId, step]);
}

export async function clearTwoFactor(sql: Sql, userId: string): Promise<void> {
  await sql.query('update staff_users set totp_secret_enc = null, totp_pending_enc = null, totp_last_step = null, totp_enabled_at = null where id = $1', [
    userId,
  ]);
  await sql.query('delete from staff_recovery_codes where user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(sql: Sql, userId: string, hashes: string[], now: Date): Promise<void> {
  await sql.query('delete from staff_recovery_codes where user_id = $1', [userId]);
  for (const hash of hashes) {
    await sql.query('insert into staff_recovery_codes (user_id, code_hash, created_at) values ($1, $2, $3)', [userId, hash, now.toISOString()]);
  }
}

/** Marks a recovery code used if it is one of the user's unused codes; true when it was. */
export async function useRecoveryCode(sql: Sql, userId: string, hash: string, now: Date): Promise<boolean> {
  const rows = await sql.query('update staff_recovery_codes set used_at = $3 where user_id = $1 and code_hash = $2 and used_at is null returning 1', [
    userId,
    hash,
    now.toISOString(),
  ]);
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(sql: Sql, userId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>('select count(*)::int as n from staff_recovery_codes where user_id = $1 and used_at is null', [userId]);
  return row?.n ?? 0;
}

/** Every sign-in attempt, kept for the security review (the throttle counts its own table). */
export async function recordLoginAttempt(sql: Sql, attempt: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void> {
  await sql.query('insert into login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)', [
    attempt.email,
    attempt.ip,
    attempt.succeeded,
    attempt.at.toISOString(),
  ]);
}

export async function deleteSessionByHash(sql: Sql, idHash: string): Promise<void> {
  await sql.query('delete from staff_sessions where id_hash = $1', [idHash]);
}

/** Serialises creating the first admin, so two setup links opened at once make one admin. */
export async function lockFirstAdminCreation(sql: Sql): Promise<void> {
  await sql.query(`select pg_advisory_xact_lock(hashtext('myomap.first_admin'))`);
}

/** How far a session has signed in: fully, or waiting for a second factor or for enrolment. */
export type SessionStage = 'active' | 'two_factor' | 'enrol';

export interface LiveSessionRow {
  userId: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
  csrfToken: string;
  stage: SessionStage;
  twoFactorEnabled: boolean;
  twoFactorExempt: boolean;
  lastSeenAt: Date;
}

/** The session with this token hash, if it has not expired, been idle `idleMinutes`, or lost its (active) account. */
export async function findLiveSession(sql: Sql, idHash: string, now: Date, idleMinutes: number): Promise<LiveSessionRow | undefined> {
  const [row] = await sql.query<LiveSessionRow>(
    `select s.user_id as "userId", u.email, u.name, u.role, u.practitioner_id as "practitionerId", s.csrf_token as "csrfToken", s.stage,
       s.last_seen_at as "lastSeenAt", u.totp_enabled_at is not null as "twoFactorEnabled", u.two_factor_exempt as "twoFactorExempt"
     from staff_sessions s join staff_users u on u.id = s.user_id
     where s.id_hash = $1 and s.expires_at > $2 and s.last_seen_at > $2::timestamptz - make_interval(mins => $3) and u.active`,
    [idHash, now.toISOString(), idleMinutes],
  );
  return row;
}

/** Moves the session's idle deadline on (never back). */
export async function touchSession(sql: Sql, idHash: string, now: Date): Promise<void> {
  await sql.query('update staff_sessions set last_seen_at = $2 where id_hash = $1 and last_seen_at < $2', [idHash, now.toISOString()]);
}

export async function insertSession(
  sql: Sql,
  s: { idHash: string; userId: string; csrfToken: string; now: Date; expires: Date; stage: SessionStage },
): Promise<void> {
  await sql.query(
    'insert into staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at, stage, last_seen_at) values ($1, $2, $3, $4, $5, $6, $4)',
    [s.idHash, s.userId, s.csrfToken, s.now.toISOString(), s.expires.toISOString(), s.stage],
  );
}
