import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  PortalCodeIn,
  PortalLinkIn,
  PortalSessionOut,
  PortalSignedOutOut,
  PortalSignInAcceptedOut,
  PortalSignInIn,
  PortalSwitchIn,
} from '@myomap/contract/portal/portal.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { clearPortalCookie, portalActor, portalVisitor, setPortalCookie } from '../../lib/portal-session.ts';
import { portal, PUBLIC } from '../../lib/route-access.ts';
import { endPortalSession, readPortalSession, switchPortalPatient } from '../../portal/portal-session-view.ts';
import { completePortalSignInByCode, completePortalSignInByLink, requestPortalSignIn, SIGN_IN_MINUTES } from '../../portal/sign-in-portal.ts';

const tags = ['portal'];

/** Passwordless sign-in to the patient portal and the portal session (portal/sign-in-portal.ts). */
export const portalSignInRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = { max: 20, timeWindow: '1 minute' };
  app.post(
    '/portal/sign-in',
    {
      config: { access: PUBLIC, rateLimit: limit },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'requestPortalSignIn',
        summary: 'Send a one-time sign-in link and code to the email on file (the same answer whether or not it is on file)',
        tags,
        body: PortalSignInIn,
        response: { 202: PortalSignInAcceptedOut },
      },
    },
    async (request, reply) => {
      await requestPortalSignIn(app.ctx, { email: request.body.email, language: request.body.language ?? 'en' }, request.ip);
      return reply.status(202).send({ accepted: true, expiresInMinutes: SIGN_IN_MINUTES });
    },
  );

  app.post(
    '/portal/sign-in/link',
    {
      config: { access: PUBLIC, rateLimit: limit, errors: ['link_invalid'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'signInToPortalByLink',
        summary: 'Sign in with the emailed link (once)',
        tags,
        body: PortalLinkIn,
        response: { 200: PortalSessionOut },
      },
    },
    async (request, reply) => {
      const session = await completePortalSignInByLink(app.ctx, request.body.token, request.ip);
      setPortalCookie(reply, session.token);
      return readPortalSession(app.ctx, session.visitor);
    },
  );

  app.post(
    '/portal/sign-in/code',
    {
      config: { access: PUBLIC, rateLimit: limit, errors: ['invalid_credentials'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'signInToPortalByCode',
        summary: 'Sign in with the emailed six-digit code',
        tags,
        body: PortalCodeIn,
        response: { 200: PortalSessionOut },
      },
    },
    async (request, reply) => {
      const session = await completePortalSignInByCode(app.ctx, request.body, request.ip);
      setPortalCookie(reply, session.token);
      return readPortalSession(app.ctx, session.visitor);
    },
  );

  app.get(
    '/portal/session',
    {
      config: { access: portal('portal.read') },
      schema: { operationId: 'getPortalSession', summary: 'Who is signed in to the portal', tags, response: { 200: PortalSessionOut } },
    },
    async (request) => readPortalSession(app.ctx, portalVisitor(request)),
  );

  app.post(
    '/portal/session/patient',
    {
      config: { access: portal('portal.read') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'setPortalPatient',
        summary: 'Show another patient who shares the signed-in email',
        tags,
        body: PortalSwitchIn,
        response: { 200: PortalSessionOut },
      },
    },
    async (request) => switchPortalPatient(app.ctx, portalVisitor(request), request.body.patientId, portalActor(request)),
  );

  app.post(
    '/portal/sign-out',
    {
      config: { access: portal('portal.read') },
      schema: { operationId: 'signOutOfPortal', summary: 'End the portal session', tags, response: { 200: PortalSignedOutOut } },
    },
    async (request, reply) => {
      await endPortalSession(app.ctx, portalVisitor(request));
      clearPortalCookie(reply);
      return { signedOut: true as const };
    },
  );
};
