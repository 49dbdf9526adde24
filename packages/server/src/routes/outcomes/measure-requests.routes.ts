import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  MeasureAnswersIn,
  MeasureAnswersOut,
  MeasureFormOut,
  MeasureRequestIn,
  MeasureRequestOut,
  MeasureTokenParams,
} from '@myomap/contract/outcomes/measure-requests.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { PATIENT_TOKEN, permit } from '../../lib/route-access.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';
import { answerMeasureRequest, describeMeasureRequest } from '../../outcomes/answer-measure-request.ts';
import { createMeasureRequest } from '../../outcomes/create-measure-request.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
// Like the aftercare check-in: a 256-bit token cannot be guessed, and the rate limit keeps anyone from trying.
const TOKEN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** Patients answer their due measures from a link: staff make one for the clinic tablet; messages carry one. */
export const measureRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/episodes/:id/measure-requests',
    {
      config: { access: permit('outcomes.request') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'requestPatientMeasures',
        summary: 'Send the patient a link to answer outcome measures',
        tags: ['outcomes'],
        params: IdParams,
        body: MeasureRequestIn,
        response: { 201: MeasureRequestOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeasureRequest(app.ctx, request.params.id, request.body, staffActor(request))),
  );

  app.get(
    '/measures/:token',
    {
      config: { access: PATIENT_TOKEN, rateLimit: TOKEN_RATE_LIMIT },
      schema: {
        operationId: 'getMeasureRequest',
        summary: 'The outcome measures a patient was asked to answer, through their link',
        tags: ['public'],
        params: MeasureTokenParams,
        response: { 200: MeasureFormOut },
      },
    },
    async (request) => describeMeasureRequest(app.ctx, request.params.token),
  );

  app.post(
    '/measures/:token',
    {
      config: { access: PATIENT_TOKEN, rateLimit: TOKEN_RATE_LIMIT },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'answerMeasureRequest',
        summary: "Answer outcome measures, through the patient's link",
        tags: ['public'],
        params: MeasureTokenParams,
        body: MeasureAnswersIn,
        response: { 200: MeasureAnswersOut },
      },
    },
    async (request) => answerMeasureRequest(app.ctx, request.params.token, request.body, publicActor(request)),
  );
};
