import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ManageParams, ManageQuery } from '@myomap/contract/bookings/bookings.schemas';
import { ConsentIn, ConsentSignedOut, IntakeSavedOut, IntakeSaveIn, IntakeSubmittedOut, IntakeViewOut } from '@myomap/contract/safety/intake.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { staffIntakeRoutes } from './staff-intake.routes.ts';
import { PATIENT_TOKEN } from '../../lib/route-access.ts';
import { publicActor } from '../../lib/staff-session.ts';
import { byLink, byLinkWithConsentAllowance, saveIntakeAnswers, signIntakeConsent, submitIntakeAnswers, viewIntake } from '../../safety/fill-intake.ts';

/** The intake by the patient's booking link (reference + manage token); staff-intake.routes.ts fills it at reception. */
export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(staffIntakeRoutes);
  const pub = { tags: ['intake'], params: ManageParams, querystring: ManageQuery };
  const link = (request: { params: { reference: string }; query: { token: string } }) => byLink(request.params.reference, request.query.token);

  app.get(
    '/intake/:reference',
    {
      config: { access: PATIENT_TOKEN },
      schema: { operationId: 'getIntake', summary: "The intake form for a booking, through the patient's link", ...pub, response: { 200: IntakeViewOut } },
    },
    (request) => viewIntake(app.ctx, link(request), publicActor(request)),
  );
  app.put(
    '/intake/:reference',
    {
      config: { access: PATIENT_TOKEN },
      bodyLimit: BODY_LIMITS.intake,
      schema: {
        operationId: 'saveIntake',
        summary: "Save intake answers so far, through the patient's link",
        ...pub,
        body: IntakeSaveIn,
        response: { 200: IntakeSavedOut },
      },
    },
    (request) => saveIntakeAnswers(app.ctx, link(request), request.body, publicActor(request)),
  );
  app.post(
    '/intake/:reference/submit',
    {
      config: { access: PATIENT_TOKEN },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'submitIntake', summary: "Submit the intake, through the patient's link", ...pub, response: { 200: IntakeSubmittedOut } },
    },
    (request) => submitIntakeAnswers(app.ctx, link(request), publicActor(request)),
  );
  app.post(
    '/intake/:reference/consent',
    {
      config: { access: PATIENT_TOKEN },
      bodyLimit: BODY_LIMITS.consent,
      schema: {
        operationId: 'signIntakeConsent',
        summary: "Sign the consent form, through the patient's link",
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
            byLinkWithConsentAllowance(app.ctx, request.params.reference, request.query.token),
            request.body,
            publicActor(request),
          ),
        ),
  );
};
