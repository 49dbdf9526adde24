import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  PortalMeasuresLinkOut,
  PortalMessagesOut,
  PortalProgressOut,
  PortalRequestIn,
  PortalRequestOut,
  PortalRequestsOut,
} from '@myomap/contract/portal/portal.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { portalActor, portalVisitor } from '../../lib/portal-session.ts';
import { portal } from '../../lib/route-access.ts';
import { createPortalRequest, listOwnPortalRequests } from '../../portal/portal-requests.ts';
import { readPortalMessages } from '../../portal/read-portal-messages.ts';
import { createPortalMeasuresLink, readPortalProgress } from '../../portal/read-portal-progress.ts';

const tags = ['portal'];

/** The signed-in patient's progress, messages, own record (FHIR) and requests to correct or delete it. */
export const portalRecordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { access: portal('portal.read') };
  app.get(
    '/portal/progress',
    {
      config: read,
      schema: {
        operationId: 'getPortalProgress',
        summary: 'Scores over time, measures due, check-ins, intake and consent',
        tags,
        response: { 200: PortalProgressOut },
      },
    },
    async (request) => readPortalProgress(app.ctx, portalVisitor(request).patientId, portalActor(request)),
  );

  app.post(
    '/portal/measures/link',
    {
      config: { access: portal('portal.read'), errors: ['no_measures_due'] },
      schema: { operationId: 'createPortalMeasuresLink', summary: 'A link to answer the measures due now', tags, response: { 200: PortalMeasuresLinkOut } },
    },
    async (request) => createPortalMeasuresLink(app.ctx, portalVisitor(request).patientId, portalActor(request)),
  );

  app.get(
    '/portal/messages',
    {
      config: read,
      schema: {
        operationId: 'listPortalMessages',
        summary: 'Messages from the clinic and letters addressed to the patient',
        tags,
        response: { 200: PortalMessagesOut },
      },
    },
    async (request) => readPortalMessages(app.ctx, portalVisitor(request).patientId, portalActor(request)),
  );

  app.get(
    '/portal/requests',
    {
      config: read,
      schema: { operationId: 'listPortalRequests', summary: "The patient's correction and deletion requests", tags, response: { 200: PortalRequestsOut } },
    },
    async (request) => listOwnPortalRequests(app.ctx, portalVisitor(request).patientId, portalActor(request)),
  );

  app.post(
    '/portal/requests',
    {
      config: { access: portal('portal.requests.create') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'createPortalRequest',
        summary: 'Ask the clinic to correct or delete the record',
        tags,
        body: PortalRequestIn,
        response: { 201: PortalRequestOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createPortalRequest(app.ctx, portalVisitor(request).patientId, request.body, portalActor(request))),
  );
};
