import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProviderIn, ProviderOut, ProviderQuery, ReferralParams } from '@myomap/contract/referrals/referrals.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { createProvider, getProvider, saveProvider, searchDirectory } from '../../referrals/manage-providers.ts';

/** The provider directory (issue 14): everyone searches it, the administrator keeps it. */
export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['referrals'];

  app.get(
    '/staff/referral-providers',
    {
      config: { access: permit('referral.directory.read') },
      schema: {
        operationId: 'searchReferralProviders',
        summary: 'Search the provider directory',
        tags,
        querystring: ProviderQuery,
        response: { 200: Type.Array(ProviderOut) },
      },
    },
    async (request) => searchDirectory(app.ctx, request.query),
  );

  app.get(
    '/staff/referral-providers/:id',
    {
      config: { access: permit('referral.directory.read') },
      schema: { operationId: 'getReferralProvider', summary: 'One provider in the directory', tags, params: ReferralParams, response: { 200: ProviderOut } },
    },
    async (request) => getProvider(app.ctx, request.params.id),
  );

  app.post(
    '/staff/referral-providers',
    {
      config: { access: permit('referral.directory.manage') },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'createReferralProvider', summary: 'Add a provider to the directory', tags, body: ProviderIn, response: { 201: ProviderOut } },
    },
    async (request, reply) => reply.status(201).send(await createProvider(app.ctx, request.body, staffActor(request))),
  );

  app.put(
    '/staff/referral-providers/:id',
    {
      config: { access: permit('referral.directory.manage') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'updateReferralProvider',
        summary: 'Change a provider in the directory (or set it inactive)',
        tags,
        params: ReferralParams,
        body: ProviderIn,
        response: { 200: ProviderOut },
      },
    },
    async (request) => saveProvider(app.ctx, request.params.id, request.body, staffActor(request)),
  );
};
