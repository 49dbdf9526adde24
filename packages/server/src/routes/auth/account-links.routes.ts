import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LinkInfo, LinkTokenParams, LinkUsedOut, UseLinkIn } from '@myomap/contract/auth/account-links.schemas';
import { describeAccountLink, useAccountLink } from '../../accounts/use-account-link.ts';
import { ACCOUNT_LINK } from '../../lib/route-access.ts';

/** One-time staff account links: first-run setup, invitation, password reset (accounts/use-account-link.ts). */
export const accountLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = { access: ACCOUNT_LINK, rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get(
    '/auth/links/:token',
    {
      config: limit,
      schema: {
        operationId: 'getAccountLink',
        summary: 'What a one-time account link is for (first-run setup, invitation, password reset)',
        tags: ['staff'],
        params: LinkTokenParams,
        response: { 200: LinkInfo },
      },
    },
    async (request) => describeAccountLink(app.ctx, request.params.token),
  );

  app.post(
    '/auth/links/:token',
    {
      config: { ...limit, errors: ['setup_complete', 'password_too_weak'] },
      schema: {
        operationId: 'useAccountLink',
        summary: 'Set a password through a one-time account link',
        tags: ['staff'],
        params: LinkTokenParams,
        body: UseLinkIn,
        response: { 200: LinkUsedOut },
      },
    },
    async (request) => useAccountLink(app.ctx, request.params.token, request.body, request.ip),
  );
};
