import { Type } from '@sinclair/typebox';
import argon2 from 'argon2';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { findSession, SESSION_COOKIE, SESSION_DAYS, staffActor } from '../../lib/staff-session.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { PUBLIC, permit } from '../../lib/route-access.ts';

// Five failed attempts for one address in 15 minutes locks that address for the rest of the
// window, across every instance (the count lives in the database); the per-IP limit below
// slows password spraying across addresses.
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MINUTES = 15;

const StaffUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  practitionerId: Type.Union([Type.String(), Type.Null()]),
});
const SessionResponse = Type.Object({ user: StaffUserSchema, csrfToken: Type.String() });

// A real hash of a random password, so unknown addresses take as long as wrong passwords.
const decoyHash = argon2.hash(newToken(), { type: argon2.argon2id });

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { access: PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['staff'],
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const { db, clock, config } = app.ctx;
      const email = request.body.email.trim().toLowerCase();
      const now = clock.now();
      const [{ failures }] = (await db.query<{ failures: number }>(
        `select count(*)::int as failures from login_attempts
         where email = $1 and not succeeded and at > $2::timestamptz - make_interval(mins => $3)`,
        [email, now.toISOString(), FAILURE_WINDOW_MINUTES],
      )) as [{ failures: number }];
      if (failures >= MAX_FAILURES) {
        throw new AppError('rate_limited', 'Too many failed sign-ins for this account; wait 15 minutes and try again.');
      }
      const [user] = await db.query<{ id: string; password_hash: string; active: boolean }>(
        'select id, password_hash, active from staff_users where email = $1',
        [email],
      );
      const ok = user ? await argon2.verify(user.password_hash, request.body.password) : await argon2.verify(await decoyHash, 'x');
      await db.query('insert into login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)', [email, request.ip, ok && !!user?.active, now.toISOString()]);
      if (!user || !ok || !user.active) throw new AppError('invalid_credentials', 'The email or password is not right.');

      const token = newToken();
      const csrfToken = newToken();
      const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      await db.transaction(async (tx) => {
        await tx.query('insert into staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
          hashToken(token), user.id, csrfToken, now.toISOString(), expires.toISOString(),
        ]);
        await writeAudit(tx, { type: 'staff', id: user.id, ip: request.ip }, { action: 'auth.login', entityType: 'staff_user', entityId: user.id });
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.publicUrl.startsWith('https://'),
        expires,
      });
      const session = await findSession(db, token, now);
      if (!session) throw new AppError('internal_error', 'Session was not created.');
      const { csrfToken: _c, ...userOut } = session;
      return { user: userOut, csrfToken };
    },
  );

  app.get('/auth/me', { config: { access: permit('session.read') }, schema: { tags: ['staff'], response: { 200: SessionResponse } } }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(app.ctx.db, token, app.ctx.clock.now()) : undefined;
    if (!session) throw new AppError('unauthenticated', 'Sign in to continue.');
    const { csrfToken, ...user } = session;
    return { user, csrfToken };
  });

  app.post('/auth/logout', { config: { access: permit('session.end') }, schema: { tags: ['staff'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE] ?? '';
    await app.ctx.db.query('delete from staff_sessions where id_hash = $1', [hashToken(token)]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });

  app.post('/auth/logout-everywhere', { config: { access: permit('session.end') }, schema: { tags: ['staff'] } }, async (request, reply) => {
    const actor = staffActor(request);
    await app.ctx.db.transaction(async (tx) => {
      await tx.query('delete from staff_sessions where user_id = $1', [actor.id]);
      await writeAudit(tx, actor, { action: 'auth.logout_everywhere', entityType: 'staff_user', entityId: actor.id });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });
};
