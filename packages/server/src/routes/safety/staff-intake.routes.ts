import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '@myomap/contract/clinical/patients.schemas';
import { ConsentIn, ConsentSignedOut, IntakeSavedOut, IntakeSaveIn, IntakeSubmittedOut, IntakeViewOut } from '@myomap/contract/safety/intake.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { byAppointmentId, saveIntakeAnswers, signIntakeConsent, submitIntakeAnswers, viewIntake } from '../../safety/fill-intake.ts';

/** The intake filled by staff on a tablet at reception, by appointment id (the same steps as the patient's link). */
export const staffIntakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = { tags: ['intake'], params: IdParams };
  app.get(
    '/staff/appointments/:id/intake',
    {
      config: { access: permit('intake.fill') },
      schema: { operationId: 'getStaffIntake', summary: "An appointment's intake form, for filling at reception", ...staff, response: { 200: IntakeViewOut } },
    },
    (request) => viewIntake(app.ctx, byAppointmentId(request.params.id), staffActor(request)),
  );
  app.put(
    '/staff/appointments/:id/intake',
    {
      config: { access: permit('intake.fill') },
      bodyLimit: BODY_LIMITS.intake,
      schema: {
        operationId: 'saveStaffIntake',
        summary: 'Save intake answers for an appointment at reception',
        ...staff,
        body: IntakeSaveIn,
        response: { 200: IntakeSavedOut },
      },
    },
    (request) => saveIntakeAnswers(app.ctx, byAppointmentId(request.params.id), request.body, staffActor(request)),
  );
  app.post(
    '/staff/appointments/:id/intake/submit',
    {
      config: { access: permit('intake.fill') },
      schema: { operationId: 'submitStaffIntake', summary: "Submit an appointment's intake at reception", ...staff, response: { 200: IntakeSubmittedOut } },
    },
    (request) => submitIntakeAnswers(app.ctx, byAppointmentId(request.params.id), staffActor(request)),
  );
  app.post(
    '/staff/appointments/:id/intake/consent',
    {
      config: { access: permit('intake.fill') },
      bodyLimit: BODY_LIMITS.consent,
      schema: {
        operationId: 'signStaffIntakeConsent',
        summary: "Record the patient's consent signature at reception",
        ...staff,
        body: ConsentIn,
        response: { 201: ConsentSignedOut },
      },
    },
    async (request, reply) => reply.status(201).send(await signIntakeConsent(app.ctx, byAppointmentId(request.params.id), request.body, staffActor(request))),
  );
};
