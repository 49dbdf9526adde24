import type { StaffRole } from '@myomap/domain/access/permissions';
import type { StaffUser } from '@myomap/contract/auth/auth.schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isTwoFactorRequired } from '@myomap/domain/accounts/decide-two-factor';
import type { Database, Sql } from '../database/database.ts';
import { AppError } from './app-error.ts';
import type { Actor } from './audit.ts';
import { hashToken, newToken } from './tokens.ts';
import { findLiveSession, insertSession, touchSession, type SessionStage } from '../stores/staff-account-store.ts';

export type { StaffRole };

/** The signed-in staff member, as the contract sends it (packages/contract/src/auth). */
export type { StaffUser };

export const SESSION_COOKIE = 'myomap_session';
/**
 * Activity is written at most once a minute per session: a screen that makes ten requests
 * costs one write, and the idle timeout is exact to the minute.
 */
const TOUCH_EVERY_MS = 60_000;

/** 'active' is a full session; the other two are the steps between the password and full access. */
export type { SessionStage };

// A password-only session lives just long enough to type a code or scan a QR code.
const STAGE_MINUTES: Record<Exclude<SessionStage, 'active'>, number> = { two_factor: 10, enrol: 30 };

export interface StaffSession extends StaffUser {
  csrfToken: string;
  stage: SessionStage;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
  }
}

/**
 * The live session for a cookie token. A session ends at `expires_at` (the absolute limit,
 * SESSION_MAX_HOURS after sign-in, or minutes for a half-signed-in stage) or after `idleMinutes`
 * (SESSION_IDLE_MINUTES) with no request, whichever comes first; each use moves the idle deadline on.
 */
export async function findSession(db: Database, token: string, now: Date, idleMinutes: number): Promise<StaffSession | undefined> {
  const idHash = hashToken(token);
  const row = await findLiveSession(db, idHash, now, idleMinutes);
  if (!row) return undefined;
  if (now.getTime() - new Date(row.lastSeenAt).getTime() >= TOUCH_EVERY_MS) await touchSession(db, idHash, now);
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    practitionerId: row.practitionerId,
    csrfToken: row.csrfToken,
    stage: row.stage,
    twoFactorEnabled: row.twoFactorEnabled,
    twoFactorRequired: isTwoFactorRequired(row.role, row.twoFactorExempt),
  };
}

/** Starts a session at a stage; returns the cookie's token (only its hash is stored) and CSRF token. */
export async function createSession(
  sql: Sql,
  userId: string,
  stage: SessionStage,
  now: Date,
  maxHours: number,
): Promise<{ token: string; csrfToken: string; expires: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  // The absolute limit; the idle timeout is checked on every use (findSession).
  const expires = new Date(now.getTime() + (stage === 'active' ? maxHours * 3_600_000 : STAGE_MINUTES[stage] * 60_000));
  await insertSession(sql, { idHash: hashToken(token), userId, csrfToken, now, expires, stage });
  return { token, csrfToken, expires };
}

export function setSessionCookie(reply: FastifyReply, session: { token: string; expires: Date }): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.server.ctx.config.secureCookies,
    // A browser-session cookie: the server ends the session (idle and absolute limits), and
    // closing the browser on a shared front-desk computer ends it too.
  });
}

/**
 * The session behind a request at any stage, after the CSRF check for writes. For the few
 * routes a half-signed-in user may call (the code step, enrolment, sign-out).
 */
export async function readSession(request: FastifyRequest, stages: readonly SessionStage[]): Promise<StaffSession & { tokenHash: string }> {
  const token = request.cookies[SESSION_COOKIE];
  const { db, clock, config } = request.server.ctx;
  const session = token ? await findSession(db, token, clock.now(), config.sessionIdleMinutes) : undefined;
  if (!session || !token) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (UNSAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError('csrf_failed', 'The request is missing its security token; reload the page and try again.');
  }
  if (!stages.includes(session.stage)) {
    if (session.stage === 'enrol') throw new AppError('two_factor_enrolment_required', 'Set up two-factor sign-in before you continue.');
    throw new AppError('unauthenticated', 'Sign in to continue.');
  }
  return { ...session, tokenHash: hashToken(token) };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds the fully signed-in user of a request, or throws `unauthenticated`. State-changing requests
 * must also carry the session's CSRF token in `x-csrf-token` (synchronizer-token pattern): a
 * cross-site form can send the cookie but cannot read the token. Only a full session passes: a
 * password-only one (code or enrolment pending) gets nowhere. Sets `request.staff`.
 */
export async function authenticateStaff(request: FastifyRequest): Promise<StaffUser> {
  const session = await readSession(request, ['active']);
  const user = toStaffUser(session);
  request.staff = user;
  return user;
}

export function toStaffUser(session: StaffSession): StaffUser {
  return { id: session.id, email: session.email, name: session.name, role: session.role, practitionerId: session.practitionerId };
}

export function staffActor(request: FastifyRequest): Actor {
  const staff = request.staff;
  if (!staff) throw new AppError('unauthenticated', 'Sign in to continue.');
  return { type: 'staff', id: staff.id, role: staff.role, ip: request.ip };
}

export function publicActor(request: FastifyRequest): Actor {
  return { type: 'patient', ip: request.ip };
}
