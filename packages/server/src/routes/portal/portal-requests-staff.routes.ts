import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PortalRequestParams, StaffPortalRequestAnswerIn, StaffPortalRequestOut, StaffPortalRequestsOut } from '@myomap/contract/portal/portal.schemas';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../lib/app-error.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { answerStaffPortalRequest, listStaffPortalRequests } from '../../portal/portal-requests.ts';

const tags = ['portal'];

/** Staff handle the portal's correction and deletion requests (portal.requests.manage). */
export const portalRequestStaffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/portal-requests',
    {
      config: { access: permit('portal.requests.manage') },
      schema: {
        operationId: 'listStaffPortalRequests',
        summary: "Patients' correction and deletion requests, open ones or all",
        tags,
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])) }, { additionalProperties: false }),
        response: { 200: StaffPortalRequestsOut },
      },
    },
    async (request) => listStaffPortalRequests(app.ctx, request.query.status !== 'all', staffActor(request)),
  );

  app.post(
    '/staff/portal-requests/:id/answer',
    {
      config: { access: permit('portal.requests.manage'), errors: ['conflict'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'answerStaffPortalRequest',
        summary: 'Answer a request (done or declined, with the reason in words)',
        tags,
        params: PortalRequestParams,
        body: StaffPortalRequestAnswerIn,
        response: { 200: StaffPortalRequestOut },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      if (!actor.id) throw new AppError('unauthenticated', 'Sign in to continue.');
      return answerStaffPortalRequest(app.ctx, request.params.id, request.body, { ...actor, id: actor.id });
    },
  );
};
