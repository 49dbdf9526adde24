import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PortalVisitParams } from '@myomap/contract/portal/portal.schemas';
import { ConsentIn, ConsentSignedOut, IntakeSavedOut, IntakeSaveIn, IntakeSubmittedOut, IntakeViewOut } from '@myomap/contract/safety/intake.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { portalActor, portalVisitor } from '../../lib/portal-session.ts';
import { portal } from '../../lib/route-access.ts';
import {
  byPortalSession,
  byPortalSessionWithConsentAllowance,
  saveIntakeAnswers,
  signIntakeConsent,
  submitIntakeAnswers,
  viewIntake,
} from '../../safety/fill-intake.ts';

const pub = { tags: ['portal'], params: PortalVisitParams };

/**
 * The intake and consent of one of the signed-in patient's own visits, from the portal (issue 15):
 * the same four operations as the booking link (safety/fill-intake.ts), so validation, safety
 * screening and audit are one code; the visit is found by id and the session's patient.
 */
export const portalIntakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portal/visits/:id/intake',
    {
      config: { access: portal('portal.read') },
      schema: {
        operationId: 'getPortalIntake',
        summary: "The intake and consent form of the signed-in patient's visit",
        ...pub,
        response: { 200: IntakeViewOut },
      },
    },
    (request) => viewIntake(app.ctx, byPortalSession(request.params.id, portalVisitor(request).patientId), portalActor(request)),
  );
  app.put(
    '/portal/visits/:id/intake',
    {
      config: { access: portal('portal.visits.change') },
      bodyLimit: BODY_LIMITS.intake,
      schema: {
        operationId: 'savePortalIntake',
        summary: 'Save intake answers so far, from the portal',
        ...pub,
        body: IntakeSaveIn,
        response: { 200: IntakeSavedOut },
      },
    },
    (request) => saveIntakeAnswers(app.ctx, byPortalSession(request.params.id, portalVisitor(request).patientId), request.body, portalActor(request)),
  );
  app.post(
    '/portal/visits/:id/intake/submit',
    {
      config: { access: portal('portal.visits.change') },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'submitPortalIntake', summary: 'Submit the intake, from the portal', ...pub, response: { 200: IntakeSubmittedOut } },
    },
    (request) => submitIntakeAnswers(app.ctx, byPortalSession(request.params.id, portalVisitor(request).patientId), portalActor(request)),
  );
  app.post(
    '/portal/visits/:id/intake/consent',
    {
      config: { access: portal('portal.visits.change') },
      bodyLimit: BODY_LIMITS.consent,
      schema: {
        operationId: 'signPortalConsent',
        summary: 'Sign or renew the consent form, from the portal',
        ...pub,
        body: ConsentIn,
        response: { 201: ConsentSignedOut },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await signIntakeConsent(
            app.ctx,
            byPortalSessionWithConsentAllowance(app.ctx, request.params.id, portalVisitor(request).patientId),
            request.body,
            portalActor(request),
          ),
        ),
  );
};
