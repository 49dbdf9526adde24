import type { StaffRole } from '@myomap/domain/access/permissions';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../database/database.ts';
import { AppError } from './app-error.ts';
import type { Actor } from './audit.ts';
import { hashToken } from './tokens.ts';

export type { StaffRole };

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
}

export const SESSION_COOKIE = 'myomap_session';
export const SESSION_DAYS = 7;

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
}

export async function findSession(db: Database, token: string, now: Date): Promise<(StaffUser & { csrfToken: string }) | undefined> {
  const [row] = await db.query<SessionRow>(
    `select s.user_id, u.email, u.name, u.role, u.practitioner_id, s.csrf_token
     from staff_sessions s join staff_users u on u.id = s.user_id
     where s.id_hash = $1 and s.expires_at > $2 and u.active`,
    [hashToken(token), now.toISOString()],
  );
  if (!row) return undefined;
  return { id: row.user_id, email: row.email, name: row.name, role: row.role, practitionerId: row.practitioner_id, csrfToken: row.csrf_token };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds the signed-in user of a request, or throws `unauthenticated`. State-changing requests
 * must also carry the session's CSRF token in `x-csrf-token` (synchronizer-token pattern):
 * a cross-site form can send the cookie but cannot read the token. Sets `request.staff`.
 */
export async function authenticateStaff(request: FastifyRequest): Promise<StaffUser> {
  const token = request.cookies[SESSION_COOKIE];
  const { db, clock } = request.server.ctx;
  const session = token ? await findSession(db, token, clock.now()) : undefined;
  if (!session) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (UNSAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new AppError('csrf_failed', 'The request is missing its security token; reload the page and try again.');
  }
  const { csrfToken: _csrf, ...user } = session;
  request.staff = user;
  return user;
}

/**
 * @deprecated Declare `config: { access: permit('<action>') }` instead: the permission table in
 * `@myomap/domain/access/permissions` decides, and the authorization matrix test sees the route.
 * Kept so routes written before the table still compile.
 */
export function requireStaff(...roles: StaffRole[]) {
  return async function checkStaff(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const user = await authenticateStaff(request);
    if (roles.length > 0 && !roles.includes(user.role)) throw new AppError('forbidden', 'Your role does not allow this.');
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
