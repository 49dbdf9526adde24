import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../database/database.ts';
import { AppError } from './app-error.ts';
import type { Actor } from './audit.ts';
import { hashToken } from './tokens.ts';

export type StaffRole = 'admin' | 'reception' | 'therapist' | 'physician';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
}

export const SESSION_COOKIE = 'myomap_session';
/**
 * Activity is written at most once a minute per session: a screen that makes ten requests
 * costs one write, and the idle timeout is exact to the minute.
 */
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
  }
}

interface SessionRow {
  user_id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitioner_id: string | null;
  csrf_token: string;
  last_seen_at: Date;
}

/**
 * The live session for a cookie token. A session ends at `expires_at` (the absolute limit,
 * SESSION_MAX_HOURS after sign-in) or after `idleMinutes` (SESSION_IDLE_MINUTES) with no request,
 * whichever comes first; each use moves the idle deadline on.
 */
export async function findSession(db: Database, token: string, now: Date, idleMinutes: number): Promise<(StaffUser & { csrfToken: string }) | undefined> {
  const idHash = hashToken(token);
  const [row] = await db.query<SessionRow>(
    `select s.user_id, u.email, u.name, u.role, u.practitioner_id, s.csrf_token, s.last_seen_at
     from staff_sessions s join staff_users u on u.id = s.user_id
     where s.id_hash = $1 and s.expires_at > $2 and s.last_seen_at > $2::timestamptz - make_interval(mins => $3) and u.active`,
    [idHash, now.toISOString(), idleMinutes],
  );
  if (!row) return undefined;
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    await db.query('update staff_sessions set last_seen_at = $2 where id_hash = $1 and last_seen_at < $2', [idHash, now.toISOString()]);
  }
  return { id: row.user_id, email: row.email, name: row.name, role: row.role, practitionerId: row.practitioner_id, csrfToken: row.csrf_token };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * An onRequest hook that admits signed-in staff whose role is listed (before the body is even
 * parsed, so a caller without the role learns nothing about the route). State-changing requests
 * must also carry the session's CSRF token in `x-csrf-token` (synchronizer-token pattern):
 * a cross-site form can send the cookie but cannot read the token.
 */
export function requireStaff(...roles: StaffRole[]) {
  return async function checkStaff(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    const { db, clock, config } = request.server.ctx;
    const session = token ? await findSession(db, token, clock.now(), config.sessionIdleMinutes) : undefined;
    if (!session) throw new AppError('unauthenticated', 'Sign in to continue.');
    if (UNSAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf_failed', 'The request is missing its security token; reload the page and try again.');
    }
    if (roles.length > 0 && !roles.includes(session.role)) {
      throw new AppError('forbidden', 'Your role does not allow this.');
    }
    const { csrfToken: _csrf, ...user } = session;
    request.staff = user;
  };
}

export function staffActor(request: FastifyRequest): Actor {
  const staff = request.staff;
  if (!staff) throw new AppError('unauthenticated', 'Sign in to continue.');
  return { type: 'staff', id: staff.id, role: staff.role, ip: request.ip };
}

export function publicActor(request: FastifyRequest): Actor {
  return { type: 'patient', ip: request.ip };
}
