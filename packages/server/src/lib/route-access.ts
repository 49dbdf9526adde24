import { can, PATIENT_ROLE, type Action } from '@myomap/domain/access/permissions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { authenticatePortal } from './portal-session.ts';
import { authenticateStaff, readSession } from './staff-session.ts';

/**
 * How a route is reached. Every /api route declares one in its `config.access`, so the route
 * list itself says who may call what (the authorization matrix test reads it):
 * - staff: a signed-in user whose role may take `action` in the permission table;
 * - public: anyone (the catalogue, availability, booking, sign-in);
 * - patient_token: a patient's unguessable link token (manage booking, intake, aftercare, waitlist offer);
 * - calendar_token: a practitioner's private calendar-feed token;
 * - sign_in_step: the caller's own session at any sign-in stage (the two-factor code, enrolment,
 *   "who am I", sign-out); the handler reads the session and checks its stage itself;
 * - account_link: a one-time staff account link (first-run setup, invitation, password reset);
 * - portal: a patient signed in to the portal (its own cookie) whose role may take `action`;
 *   the handler reads only the session's patient's rows.
 */
export type RouteAccess =
  | { kind: 'staff'; action: Action }
  | { kind: 'public' }
  | { kind: 'patient_token' }
  | { kind: 'calendar_token' }
  | { kind: 'sign_in_step' }
  | { kind: 'account_link' }
  | { kind: 'portal'; action: Action };

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, in registration order. */
    routeAccess: RouteAccessEntry[];
  }
}

export const permit = (action: Action): RouteAccess => ({ kind: 'staff', action });
export const PUBLIC: RouteAccess = { kind: 'public' };
export const PATIENT_TOKEN: RouteAccess = { kind: 'patient_token' };
export const CALENDAR_TOKEN: RouteAccess = { kind: 'calendar_token' };
export const SIGN_IN_STEP: RouteAccess = { kind: 'sign_in_step' };
export const ACCOUNT_LINK: RouteAccess = { kind: 'account_link' };
export const portal = (action: Action): RouteAccess => ({ kind: 'portal', action });

/** Routes that declare no access: the authorization matrix test fails while any exist. */
export function listUndeclaredRoutes(entries: readonly RouteAccessEntry[]): string[] {
  return entries.filter((e) => e.access === undefined).map((e) => `${e.method} ${e.url}`);
}

/** Checks a staff route's action before the body is even parsed (onRequest), CSRF included. */
async function enforceAccess(request: FastifyRequest): Promise<void> {
  const access = request.routeOptions.config.access;
  // A sign-in step needs a session at some stage before its body is read; the handler checks which.
  if (access?.kind === 'sign_in_step') {
    await readSession(request, ['active', 'enrol', 'two_factor']);
    return;
  }
  if (access?.kind === 'portal') {
    await authenticatePortal(request);
    if (!can(PATIENT_ROLE, access.action)) throw new AppError('forbidden', 'The portal does not allow this.', { action: access.action });
    return;
  }
  if (access?.kind !== 'staff') return;
  const user = await authenticateStaff(request);
  if (!can(user.role, access.action)) throw new AppError('forbidden', 'Your role does not allow this.', { action: access.action });
}

/**
 * Collects the route list and enforces it. Registered before the routes so every route
 * (in every plugin) inherits the onRoute and onRequest hooks.
 */
export function registerRouteAccess(app: FastifyInstance): void {
  app.decorate('routeAccess', [] as RouteAccessEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) app.routeAccess.push({ method, url: route.url, access: route.config?.access });
  });
  app.addHook('onRequest', enforceAccess);
}
