import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ManageParams, ManageQuery } from '@myomap/contract/bookings/bookings.schemas';
import { IdParams } from '@myomap/contract/clinical/patients.schemas';
import { ConsentIn, ConsentSignedOut, IntakeSavedOut, IntakeSaveIn, IntakeSubmittedOut, IntakeViewOut } from '@myomap/contract/safety/intake.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { PATIENT_TOKEN, permit } from '../../lib/route-access.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';
import {
  byAppointmentId,
  byLink,
  byLinkWithConsentAllowance,
  saveIntakeAnswers,
  signIntakeConsent,
  submitIntakeAnswers,
  viewIntake,
} from '../../safety/fill-intake.ts';

/** The intake, by the patient's booking link (reference + manage token) or by staff on a tablet at reception. */
export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const pub = { tags: ['intake'], params: ManageParams, querystring: ManageQuery };
  const link = (request: { params: { reference: string }; query: { token: string } }) => byLink(request.params.reference, request.query.token);

  app.get('/intake/:reference', { config: { access: PATIENT_TOKEN }, schema: { ...pub, response: { 200: IntakeViewOut } } }, (request) =>
    viewIntake(app.ctx, link(request), publicActor(request)),
  );
  app.put(
    '/intake/:reference',
    { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.intake, schema: { ...pub, body: IntakeSaveIn, response: { 200: IntakeSavedOut } } },
    (request) => saveIntakeAnswers(app.ctx, link(request), request.body, publicActor(request)),
  );
  app.post(
    '/intake/:reference/submit',
    { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.form, schema: { ...pub, response: { 200: IntakeSubmittedOut } } },
    (request) => submitIntakeAnswers(app.ctx, link(request), publicActor(request)),
  );
  app.post(
    '/intake/:reference/consent',
    { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.consent, schema: { ...pub, body: ConsentIn, response: { 201: ConsentSignedOut } } },
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

  const staff = { tags: ['intake'], params: IdParams };
  app.get('/staff/appointments/:id/intake', { config: { access: permit('intake.fill') }, schema: { ...staff, response: { 200: IntakeViewOut } } }, (request) =>
    viewIntake(app.ctx, byAppointmentId(request.params.id), staffActor(request)),
  );
  app.put(
    '/staff/appointments/:id/intake',
    { config: { access: permit('intake.fill') }, bodyLimit: BODY_LIMITS.intake, schema: { ...staff, body: IntakeSaveIn, response: { 200: IntakeSavedOut } } },
    (request) => saveIntakeAnswers(app.ctx, byAppointmentId(request.params.id), request.body, staffActor(request)),
  );
  app.post(
    '/staff/appointments/:id/intake/submit',
    { config: { access: permit('intake.fill') }, schema: { ...staff, response: { 200: IntakeSubmittedOut } } },
    (request) => submitIntakeAnswers(app.ctx, byAppointmentId(request.params.id), staffActor(request)),
  );
  app.post(
    '/staff/appointments/:id/intake/consent',
    { config: { access: permit('intake.fill') }, bodyLimit: BODY_LIMITS.consent, schema: { ...staff, body: ConsentIn, response: { 201: ConsentSignedOut } } },
    async (request, reply) => reply.status(201).send(await signIntakeConsent(app.ctx, byAppointmentId(request.params.id), request.body, staffActor(request))),
  );
};
