import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ReferralIn, ReferralOut, ReferralParams, ReferralSummaryOut, SendIn, TrackIn, WorklistQuery } from '@myomap/contract/referrals/referrals.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { draftReferral } from '../../referrals/draft-referral.ts';
import { sendReferral, signReferral, trackReferral } from '../../referrals/move-referral.ts';
import { getReferral, listWorklist } from '../../referrals/referral-view.ts';
import { directoryRoutes } from './directory.routes.ts';
import { inboundReferralRoutes } from './inbound.routes.ts';
import { referralResultRoutes } from './results.routes.ts';

/** Referrals out (issue 14): draft, sign, send, track, result, review. Each step is checked by the domain and the database. */
export const referralRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['referrals'];
  await app.register(directoryRoutes);
  await app.register(inboundReferralRoutes);
  await app.register(referralResultRoutes);
  const steps = ['illegal_transition'] as const;

  app.get(
    '/staff/referrals',
    {
      config: { access: permit('referral.worklist.read') },
      schema: {
        operationId: 'listReferrals',
        summary: 'The referral worklist, overdue first',
        tags,
        querystring: WorklistQuery,
        response: { 200: Type.Array(ReferralSummaryOut) },
      },
    },
    async (request) => listWorklist(app.ctx, request.query, staffActor(request)),
  );

  app.get(
    '/staff/referrals/:id',
    {
      config: { access: permit('referral.worklist.read') },
      schema: { operationId: 'getReferral', summary: 'A referral with its timeline and result', tags, params: ReferralParams, response: { 200: ReferralOut } },
    },
    async (request) => getReferral(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/referrals',
    {
      config: { access: permit('referral.draft') },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'createReferral', summary: 'Draft an outbound referral', tags, body: ReferralIn, response: { 201: ReferralOut } },
    },
    async (request, reply) => reply.status(201).send(await draftReferral(app.ctx, request.body, staffActor(request))),
  );

  app.post(
    '/staff/referrals/:id/sign',
    {
      config: { access: permit('referral.sign'), errors: [...steps] },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'signReferral', summary: 'Sign a referral (physician)', tags, params: ReferralParams, response: { 200: ReferralOut } },
    },
    async (request) => signReferral(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/referrals/:id/send',
    {
      config: { access: permit('referral.send'), errors: [...steps, 'unprocessable'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'sendReferral',
        summary: 'Send a signed referral by email, or mark it printed',
        tags,
        params: ReferralParams,
        body: SendIn,
        response: { 200: ReferralOut },
      },
    },
    async (request) => sendReferral(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/referrals/:id/track',
    {
      config: { access: permit('referral.track'), errors: [...steps] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'recordReferralProgress',
        summary: 'Record an acknowledgement or appointment, or cancel',
        tags,
        params: ReferralParams,
        body: TrackIn,
        response: { 200: ReferralOut },
      },
    },
    async (request) => trackReferral(app.ctx, request.params.id, request.body, staffActor(request)),
  );
};
