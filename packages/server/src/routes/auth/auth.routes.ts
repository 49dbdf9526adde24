import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { decideSignInStage } from '@myomap/domain/accounts/decide-two-factor';
import { verifyPassword } from '../../accounts/account-passwords.ts';
import { checkSecondFactor } from '../../accounts/check-second-factor.ts';
import { AppError } from '../../lib/app-error.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { claimLoginAttempt, recordLoginSuccess } from '../../lib/login-throttle.ts';
import { writeAudit } from '../../lib/audit.ts';
import { createSession, readSession, SESSION_COOKIE, setSessionCookie, staffActor, toStaffUser } from '../../lib/staff-session.ts';
import { findAccountByEmail } from '../../stores/staff-account-store.ts';
import { Code, SessionResponse } from '@myomap/contract/auth/auth.schemas';
import { PUBLIC, SIGN_IN_STEP, permit } from '../../lib/route-access.ts';

// Sign-in is slowed per account and address, and per account (lib/login-throttle.ts), in the
// database so it holds across instances; the per-IP limit below slows password spraying. The
// second-factor step has its own keys ("2fa:" + email), so a wrong code never slows the password
// step of the real user elsewhere, and guessing codes is slowed the same way.
const SECOND_FACTOR_KEY = (email: string) => `2fa:${email}`;

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  function refuse(reply: FastifyReply, retryAt: Date, now: Date): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    reply.header('retry-after', String(retryAfterSeconds));
    throw new AppError('rate_limited', 'Too many failed sign-ins; wait a moment and try again.', { retryAfterSeconds });
  }

  app.post(
    '/auth/login',
    {
      config: { access: PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } },
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
      if (!throttle.allowed) refuse(reply, throttle.retryAt, now);
      const user = await findAccountByEmail(db, email);
      const ok = await verifyPassword(user?.passwordHash, request.body.password);
      await db.query('insert into login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)', [email, request.ip, ok && !!user?.active, now.toISOString()]);
      if (!user || !ok || !user.active) throw new AppError('invalid_credentials', 'The email or password is not right.');
      await recordLoginSuccess(db, email, request.ip);

      // The password alone signs in fully only where two-factor is neither on nor required.
      const stage = decideSignInStage(user);
      const session = await db.transaction(async (tx) => {
        const created = await createSession(tx, user.id, stage, now, config.sessionMaxHours);
        await writeAudit(tx, { type: 'staff', id: user.id, role: user.role, ip: request.ip }, {
          action: stage === 'active' ? 'auth.login' : 'auth.password_accepted',
          entityType: 'staff_user',
          entityId: user.id,
          ...(stage === 'active' ? {} : { after: { next: stage } }),
        });
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
    },
  );

  app.post(
    '/auth/login/two-factor',
    {
      config: { access: SIGN_IN_STEP, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['staff'], body: Type.Object({ code: Code }), response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const { db, clock, config } = app.ctx;
      const now = clock.now();
      const pending = await readSession(request, ['two_factor']);
      const throttle = await claimLoginAttempt(db, SECOND_FACTOR_KEY(pending.email), request.ip, now);
      if (!throttle.allowed) refuse(reply, throttle.retryAt, now);
      const result = await db.transaction(async (tx) => {
        const method = await checkSecondFactor(tx, config.sessionSecret, pending.id, request.body.code, now);
        if (!method) {
          await tx.query('insert into login_attempts (email, ip, succeeded, at) values ($1, $2, false, $3)', [pending.email, request.ip, now.toISOString()]);
          return undefined;
        }
        await recordLoginSuccess(tx, SECOND_FACTOR_KEY(pending.email), request.ip);
        // A new session id once fully signed in (no fixation of the password-only one).
        await tx.query('delete from staff_sessions where id_hash = $1', [pending.tokenHash]);
        const session = await createSession(tx, pending.id, 'active', now, config.sessionMaxHours);
        await writeAudit(tx, { type: 'staff', id: pending.id, role: pending.role, ip: request.ip }, {
          action: 'auth.login',
          entityType: 'staff_user',
          entityId: pending.id,
          after: { secondFactor: method },
        });
        return session;
      });
      if (!result) throw new AppError('invalid_two_factor_code', 'That code is not right, or was already used.');
      setSessionCookie(reply, result);
      return { stage: 'active' as const, csrfToken: result.csrfToken, user: toStaffUser(pending), twoFactor: { enabled: true, required: pending.twoFactorRequired } };
    },
  );

  app.get('/auth/me', { config: { access: SIGN_IN_STEP }, schema: { tags: ['staff'], response: { 200: SessionResponse } } }, async (request) => {
    const session = await readSession(request, ['active', 'enrol']);
    return {
      stage: session.stage,
      csrfToken: session.csrfToken,
      user: toStaffUser(session),
      twoFactor: { enabled: session.twoFactorEnabled, required: session.twoFactorRequired },
    };
  });

  app.post('/auth/logout', { config: { access: SIGN_IN_STEP }, schema: { tags: ['staff'] } }, async (request, reply) => {
    const session = await readSession(request, ['active', 'enrol', 'two_factor']);
    await app.ctx.db.query('delete from staff_sessions where id_hash = $1', [session.tokenHash]);
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

