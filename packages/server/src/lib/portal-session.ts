import { PATIENT_ROLE } from '@myomap/domain/access/permissions';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sql } from '../database/database.ts';
import { findLivePortalSession, insertPortalSession, touchPortalSession } from '../stores/portal-store.ts';
import { AppError } from './app-error.ts';
import type { Actor } from './audit.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * The patient portal's session: its own cookie, never the staff one (staff-session.ts), so a
 * staff cookie opens no portal route and a portal cookie no staff route. Same habits as the
 * staff session: only the token's hash is stored, HttpOnly, SameSite=Lax, Secure in production,
 * an idle and an absolute limit, and a synchronizer CSRF token on every write.
 */
export const PORTAL_COOKIE = 'myomap_portal';
// A patient reads their visits and progress in a few minutes; a shorter absolute limit than staff's working day.
const PORTAL_MAX_HOURS = 2;
const TOUCH_EVERY_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who is signed in to the portal: the email they proved and the patient they are looking at. */
export interface PortalVisitor {
  email: string;
  patientId: string;
  csrfToken: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    portal?: PortalVisitor;
  }
}

export async function createPortalSession(sql: Sql, email: string, patientId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await insertPortalSession(sql, {
    idHash: hashToken(token),
    email,
    patientId,
    csrfToken,
    now,
    expiresAt: new Date(now.getTime() + PORTAL_MAX_HOURS * 3_600_000),
  });
  return { token, csrfToken };
}

export function setPortalCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(PORTAL_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.server.ctx.config.secureCookies });
}

export function clearPortalCookie(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.server.ctx.config.secureCookies });
}

/** The signed-in portal visitor, after the CSRF check for writes; sets `request.portal`. */
export async function authenticatePortal(request: FastifyRequest): Promise<PortalVisitor> {
  const token = request.cookies[PORTAL_COOKIE];
  const { db, clock, config } = request.server.ctx;
  const now = clock.now();
  const tokenHash = token ? hashToken(token) : '';
  const row = token ? await findLivePortalSession(db, tokenHash, now, config.sessionIdleMinutes) : undefined;
  if (!row) throw new AppError('unauthenticated', 'Sign in to the portal to continue.');
  if (UNSAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== row.csrfToken) {
    throw new AppError('csrf_failed', 'The request is missing its security token; reload the page and try again.');
  }
  if (now.getTime() - new Date(row.lastSeenAt).getTime() >= TOUCH_EVERY_MS) await touchPortalSession(db, tokenHash, now);
  const visitor = { email: row.email, patientId: row.patientId, csrfToken: row.csrfToken, tokenHash };
  request.portal = visitor;
  return visitor;
}

export function portalVisitor(request: FastifyRequest): PortalVisitor {
  if (!request.portal) throw new AppError('unauthenticated', 'Sign in to the portal to continue.');
  return request.portal;
}

/** The audit actor of a portal request: the patient being looked at, as the patient role. */
export function portalActor(request: FastifyRequest): Actor {
  return { type: 'patient', id: portalVisitor(request).patientId, role: PATIENT_ROLE, ip: request.ip };
}
