import { Type } from '@sinclair/typebox';
import argon2 from 'argon2';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { findSession, requireStaff, SESSION_COOKIE, staffActor } from '../../lib/staff-session.ts';
import { claimLoginAttempt, recordLoginSuccess } from '../../lib/login-throttle.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

// Sign-in is slowed per account and address, and per account (lib/login-throttle.ts), in the
// database so it holds across instances; the per-IP limit below slows password spraying.
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
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      bodyLimit: BODY_LIMITS.form,
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
      const throttle = await claimLoginAttempt(db, email, request.ip, now);
      if (!throttle.allowed) {
        const retryAfterSeconds = Math.max(1, Math.ceil((throttle.retryAt.getTime() - now.getTime()) / 1000));
        reply.header('retry-after', String(retryAfterSeconds));
        throw new AppError('rate_limited', 'Too many failed sign-ins; wait a moment and try again.', { retryAfterSeconds });
      }
      const [user] = await db.query<{ id: string; password_hash: string; active: boolean }>(
        'select id, password_hash, active from staff_users where email = $1',
        [email],
      );
      const ok = user ? await argon2.verify(user.password_hash, request.body.password) : await argon2.verify(await decoyHash, 'x');
      await db.query('insert into login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)', [email, request.ip, ok && !!user?.active, now.toISOString()]);
      if (!user || !ok || !user.active) throw new AppError('invalid_credentials', 'The email or password is not right.');
      await recordLoginSuccess(db, email, request.ip);

      const token = newToken();
      const csrfToken = newToken();
      // The absolute limit; the idle timeout is checked on every use (findSession).
      const expires = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
      await db.transaction(async (tx) => {
        await tx.query('insert into staff_sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) values ($1, $2, $3, $4, $5, $4)', [
          hashToken(token), user.id, csrfToken, now.toISOString(), expires.toISOString(),
        ]);
        await writeAudit(tx, { type: 'staff', id: user.id, ip: request.ip }, { action: 'auth.login', entityType: 'staff_user', entityId: user.id });
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        // A browser-session cookie: the server ends the session (idle and absolute limits), and
        // closing the browser on a shared front-desk computer ends it too.
      });
      const session = await findSession(db, token, now, config.sessionIdleMinutes);
      if (!session) throw new AppError('internal_error', 'Session was not created.');
      const { csrfToken: _c, ...userOut } = session;
      return { user: userOut, csrfToken };
    },
  );

  app.get('/auth/me', { schema: { tags: ['staff'], response: { 200: SessionResponse } } }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(app.ctx.db, token, app.ctx.clock.now(), app.ctx.config.sessionIdleMinutes) : undefined;
    if (!session) throw new AppError('unauthenticated', 'Sign in to continue.');
    const { csrfToken, ...user } = session;
    return { user, csrfToken };
  });

  app.post('/auth/logout', { onRequest: requireStaff(), schema: { tags: ['staff'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE] ?? '';
    await app.ctx.db.query('delete from staff_sessions where id_hash = $1', [hashToken(token)]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });

  app.post('/auth/logout-everywhere', { onRequest: requireStaff(), schema: { tags: ['staff'] } }, async (request, reply) => {
    const actor = staffActor(request);
    await app.ctx.db.transaction(async (tx) => {
      await tx.query('delete from staff_sessions where user_id = $1', [actor.id]);
      await writeAudit(tx, actor, { action: 'auth.logout_everywhere', entityType: 'staff_user', entityId: actor.id });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });
};
