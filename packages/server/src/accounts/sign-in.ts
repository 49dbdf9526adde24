import type { CurrentSession, LoginIn, SessionResponse } from '@myomap/contract/auth/auth.schemas';
import { decideSignInStage } from '@myomap/domain/accounts/decide-two-factor';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { claimLoginAttempt, recordLoginSuccess } from '../lib/login-throttle.ts';
import { createSession, readSession, SESSION_COOKIE, setSessionCookie, toStaffUser } from '../lib/staff-session.ts';
import { deleteSessionByHash, deleteSessions, findAccountByEmail, recordLoginAttempt } from '../stores/staff-account-store.ts';
import { verifyPassword } from './account-passwords.ts';
import { checkSecondFactor } from './check-second-factor.ts';

// Sign-in is slowed per account and address, and per account (lib/login-throttle.ts), in the
// database so it holds across instances; the per-IP route limit slows password spraying. The
// second-factor step has its own keys ("2fa:" + email), so a wrong code never slows the password
// step of the real user elsewhere, and guessing codes is slowed the same way.
const SECOND_FACTOR_KEY = (email: string) => `2fa:${email}`;

function refuse(reply: FastifyReply, retryAt: Date, now: Date): never {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  reply.header('retry-after', String(retryAfterSeconds));
  throw new AppError('rate_limited', 'Too many failed sign-ins; wait a moment and try again.', { retryAfterSeconds });
}

/** The password step: a full session where two-factor is neither on nor required, else a restricted one. */
export async function signInWithPassword(ctx: AppContext, body: LoginIn, request: FastifyRequest, reply: FastifyReply): Promise<SessionResponse> {
  const { db, clock, config } = ctx;
  const email = body.email.trim().toLowerCase();
  const now = clock.now();
  const throttle = await claimLoginAttempt(db, email, request.ip, now);
  if (!throttle.allowed) refuse(reply, throttle.retryAt, now);
  const user = await findAccountByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash, body.password);
  await recordLoginAttempt(db, { email, ip: request.ip, succeeded: ok && !!user?.active, at: now });
  if (!user || !ok || !user.active) throw new AppError('invalid_credentials', 'The email or password is not right.');
  await recordLoginSuccess(db, email, request.ip);

  // The password alone signs in fully only where two-factor is neither on nor required.
  const stage = decideSignInStage(user);
  const session = await db.transaction(async (tx) => {
    const created = await createSession(tx, user.id, stage, now, config.sessionMaxHours);
    await writeAudit(
      tx,
      { type: 'staff', id: user.id, role: user.role, ip: request.ip },
      {
        action: stage === 'active' ? 'auth.login' : 'auth.password_accepted',
        entityType: 'staff_user',
        entityId: user.id,
        ...(stage === 'active' ? {} : { after: { next: stage } }),
      },
    );
    return created;
  });
  setSessionCookie(reply, session);
  const profile = { id: user.id, email: user.email, name: user.name, role: user.role, practitionerId: user.practitionerId };
  return {
    stage,
    csrfToken: session.csrfToken,
    // Who signed in is told only once the second factor is in (or not needed).
    ...(stage === 'two_factor' ? {} : { user: profile, twoFactor: { enabled: user.twoFactorEnabled, required: stage === 'enrol' } }),
  };
}

/** The second step: a TOTP or recovery code turns the password-only session into a full one, under a new id. */
export async function signInWithSecondFactor(ctx: AppContext, code: string, request: FastifyRequest, reply: FastifyReply): Promise<SessionResponse> {
  const { db, clock, config } = ctx;
  const now = clock.now();
  const pending = await readSession(request, ['two_factor']);
  const throttle = await claimLoginAttempt(db, SECOND_FACTOR_KEY(pending.email), request.ip, now);
  if (!throttle.allowed) refuse(reply, throttle.retryAt, now);
  const result = await db.transaction(async (tx) => {
    const method = await checkSecondFactor(tx, config.sessionSecret, pending.id, code, now);
    if (!method) {
      await recordLoginAttempt(tx, { email: pending.email, ip: request.ip, succeeded: false, at: now });
      return undefined;
    }
    await recordLoginSuccess(tx, SECOND_FACTOR_KEY(pending.email), request.ip);
    // A new session id once fully signed in (no fixation of the password-only one).
    await deleteSessionByHash(tx, pending.tokenHash);
    const session = await createSession(tx, pending.id, 'active', now, config.sessionMaxHours);
    await writeAudit(
      tx,
      { type: 'staff', id: pending.id, role: pending.role, ip: request.ip },
      {
        action: 'auth.login',
        entityType: 'staff_user',
        entityId: pending.id,
        after: { secondFactor: method },
      },
    );
    return session;
  });
  if (!result) throw new AppError('invalid_two_factor_code', 'That code is not right, or was already used.');
  setSessionCookie(reply, result);
  return { stage: 'active', csrfToken: result.csrfToken, user: toStaffUser(pending), twoFactor: { enabled: true, required: pending.twoFactorRequired } };
}

/** Who is signed in, at which stage, with the CSRF token writes need. */
export async function describeSession(request: FastifyRequest): Promise<CurrentSession> {
  const session = await readSession(request, ['active', 'enrol']);
  return {
    stage: session.stage === 'enrol' ? 'enrol' : 'active',
    csrfToken: session.csrfToken,
    user: toStaffUser(session),
    twoFactor: { enabled: session.twoFactorEnabled, required: session.twoFactorRequired },
  };
}

export async function signOut(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<{ signedOut: true }> {
  const session = await readSession(request, ['active', 'enrol', 'two_factor']);
  await deleteSessionByHash(ctx.db, session.tokenHash);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return { signedOut: true };
}

export async function signOutEverywhere(ctx: AppContext, actor: Actor, reply: FastifyReply): Promise<{ signedOut: true }> {
  await ctx.db.transaction(async (tx) => {
    await deleteSessions(tx, actor.id ?? '');
    await writeAudit(tx, actor, { action: 'auth.logout_everywhere', entityType: 'staff_user', entityId: actor.id });
  });
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return { signedOut: true };
}
