import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '@myomap/contract/clinical/patients.schemas';
import { ReasoningOut, ReviewIn, ReviewQueueOut, ReviewRecordedOut, SafetyOut, SessionStartedOut } from '@myomap/contract/safety/safety.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { listReviewQueue } from '../../safety/list-review-queue.ts';
import { loadPatientSafety, loadReasoningState } from '../../safety/load-patient-safety.ts';
import { recordPhysicianReview } from '../../safety/record-physician-review.ts';
import { startTreatmentSession } from '../../safety/start-treatment-session.ts';

export const safetyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/patients/:id/safety',
    {
      config: { access: permit('safety.read') },
      schema: {
        operationId: 'getPatientSafety',
        summary: "A patient's screening flags, precautions and clearances",
        tags: ['safety'],
        params: IdParams,
        response: { 200: SafetyOut },
      },
    },
    async (request) => loadPatientSafety(app.ctx, request.params.id, staffActor(request)),
  );

  app.get(
    '/staff/patients/:id/reasoning',
    {
      config: { access: permit('reasoning.read') },
      schema: {
        operationId: 'getPatientReasoning',
        summary: 'The clinical reasoning for a patient: problem list and likely source muscles',
        tags: ['safety'],
        params: IdParams,
        response: { 200: ReasoningOut },
      },
    },
    async (request) => loadReasoningState(app.ctx, request.params.id, staffActor(request)),
  );

  app.get(
    '/staff/reviews',
    {
      config: { access: permit('review.queue.read') },
      schema: { operationId: 'listReviewQueue', summary: 'Patients waiting for a safety review', tags: ['safety'], response: { 200: ReviewQueueOut } },
    },
    async (request) => listReviewQueue(app.ctx, staffActor(request)),
  );

  app.post(
    '/staff/patients/:id/reviews',
    {
      config: { access: permit('review.write') },
      schema: {
        operationId: 'createSafetyReview',
        summary: "Record a physician's decision on the patient's latest screen (clear, precautions or refer)",
        tags: ['safety'],
        params: IdParams,
        body: ReviewIn,
        response: { 201: ReviewRecordedOut },
      },
    },
    async (request, reply) => reply.status(201).send(await recordPhysicianReview(app.ctx, request.params.id, request.body, staffActor(request))),
  );

  app.post(
    '/staff/appointments/:id/sessions',
    {
      config: {
        access: permit('treatment.start'),
        errors: ['consent_required', 'identity_check_required', 'physician_clearance_required', 'referred_by_physician', 'screening_required'],
      },
      schema: {
        operationId: 'startTreatmentSession',
        summary: 'Start the treatment session for an appointment (passes the safety gate first)',
        tags: ['safety'],
        params: IdParams,
        response: { 200: SessionStartedOut, 201: SessionStartedOut },
      },
    },
    async (request, reply) => {
      const session = await startTreatmentSession(app.ctx, request.params.id, staffActor(request));
      return reply.status(session.created ? 201 : 200).send(session);
    },
  );
};
