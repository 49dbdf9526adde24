import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AcceptInboundIn,
  InboundMatchesOut,
  PublicReferralIn,
  PublicReferralOut,
  ReferralOut,
  ReferralParams,
} from '@myomap/contract/referrals/referrals.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit, PUBLIC } from '../../lib/route-access.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';
import { acceptInbound, declineInbound, listInboundMatches, submitPublicReferral } from '../../referrals/inbound-referrals.ts';

const DeclineIn = Type.Object({ note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });

/** Referrals in: the public form a doctor fills, and reception's triage (duplicate check, accept with a first visit, decline). */
export const inboundReferralRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['referrals'];

  app.post(
    '/referrals/inbound',
    {
      // No sign-in: rate-limited per address, a small body, a honeypot field and the consent line.
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '1 hour' } },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'submitInboundReferral',
        summary: 'A doctor refers a patient to the clinic',
        tags: ['public'],
        body: PublicReferralIn,
        response: { 201: PublicReferralOut },
      },
    },
    async (request, reply) => reply.status(201).send(await submitPublicReferral(app.ctx, request.body, publicActor(request))),
  );

  app.get(
    '/staff/referrals/:id/matches',
    {
      config: { access: permit('referral.inbound.triage') },
      schema: {
        operationId: 'listInboundReferralMatches',
        summary: 'Existing patients the referred person may be',
        tags,
        params: ReferralParams,
        response: { 200: InboundMatchesOut },
      },
    },
    async (request) => listInboundMatches(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/referrals/:id/accept',
    {
      config: { access: permit('referral.inbound.triage'), errors: ['illegal_transition', 'slot_unavailable', 'unknown_service', 'unknown_practitioner'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'acceptInboundReferral',
        summary: 'Accept an inbound referral: the patient and a first visit',
        tags,
        params: ReferralParams,
        body: AcceptInboundIn,
        response: { 200: ReferralOut },
      },
    },
    async (request) => acceptInbound(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/referrals/:id/decline',
    {
      config: { access: permit('referral.inbound.triage'), errors: ['illegal_transition'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'declineInboundReferral',
        summary: 'Decline an inbound referral',
        tags,
        params: ReferralParams,
        body: DeclineIn,
        response: { 200: ReferralOut },
      },
    },
    async (request) => declineInbound(app.ctx, request.params.id, request.body.note, staffActor(request)),
  );
};
