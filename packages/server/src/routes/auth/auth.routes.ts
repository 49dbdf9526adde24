import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CurrentSession, LoginIn, SessionResponse, SignedOutOut, TwoFactorCodeIn } from '@myomap/contract/auth/auth.schemas';
import { describeSession, signInWithPassword, signInWithSecondFactor, signOut, signOutEverywhere } from '../../accounts/sign-in.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { PUBLIC, SIGN_IN_STEP, permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

/** Signing in (password, then a code where two-factor is on), who am I, and signing out (accounts/sign-in.ts). */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { access: PUBLIC, errors: ['invalid_credentials', 'rate_limited'], rateLimit: { max: 20, timeWindow: '1 minute' } },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with email and password; sets the session cookie',
        tags: ['staff'],
        body: LoginIn,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => signInWithPassword(app.ctx, request.body, request, reply),
  );

  app.post(
    '/auth/login/two-factor',
    {
      config: { access: SIGN_IN_STEP, errors: ['invalid_two_factor_code', 'rate_limited'], rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        operationId: 'verifyTwoFactorSignIn',
        summary: 'Finish signing in with a two-factor or recovery code',
        tags: ['staff'],
        body: TwoFactorCodeIn,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => signInWithSecondFactor(app.ctx, request.body.code, request, reply),
  );

  app.get(
    '/auth/me',
    {
      config: { access: SIGN_IN_STEP },
      schema: {
        operationId: 'getCurrentUser',
        summary: "The signed-in user, their role and the session's sign-in stage",
        tags: ['staff'],
        response: { 200: CurrentSession },
      },
    },
    async (request) => describeSession(request),
  );

  app.post(
    '/auth/logout',
    { config: { access: SIGN_IN_STEP }, schema: { operationId: 'signOut', summary: 'End this session', tags: ['staff'], response: { 200: SignedOutOut } } },
    async (request, reply) => signOut(app.ctx, request, reply),
  );

  app.post(
    '/auth/logout-everywhere',
    {
      config: { access: permit('session.end') },
      schema: { operationId: 'signOutEverywhere', summary: 'End every session of the signed-in user', tags: ['staff'], response: { 200: SignedOutOut } },
    },
    async (request, reply) => signOutEverywhere(app.ctx, staffActor(request), reply),
  );
};
