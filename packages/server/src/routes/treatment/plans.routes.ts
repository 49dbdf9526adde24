import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PlanIn, PlanListOut, PlanOut, SeriesIn, SeriesOut } from '@myomap/contract/treatment/plans.schemas';
import { CoSignIn, TreatmentIdParams } from '@myomap/contract/treatment/treatment-common.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { approveTreatmentPlan, cosignTreatmentPlan } from '../../treatment/approve-treatment-plan.ts';
import { bookPlanSeries } from '../../treatment/book-plan-series.ts';
import { proposePlan } from '../../treatment/propose-plan.ts';
import { readPatientPlans, readPlan } from '../../treatment/read-treatment-plans.ts';
import { saveTreatmentPlan } from '../../treatment/save-treatment-plan.ts';

/** Treatment plans: each route is its schema and one call into `server/src/treatment/`. */
export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/assessments/:id/plan',
    {
      config: { access: permit('plan.write') },
      schema: {
        operationId: 'createTreatmentPlan',
        summary: 'Draft a treatment plan from an assessment',
        tags: ['treatment'],
        params: TreatmentIdParams,
        response: { 201: PlanOut },
      },
    },
    async (request, reply) => reply.status(201).send(await proposePlan(app.ctx, request.params.id, staffActor(request))),
  );

  app.get(
    '/staff/plans/:id',
    {
      config: { access: permit('plan.read') },
      schema: { operationId: 'getTreatmentPlan', summary: 'A treatment plan', tags: ['treatment'], params: TreatmentIdParams, response: { 200: PlanOut } },
    },
    async (request) => readPlan(app.ctx, request.params.id, staffActor(request)),
  );

  app.get(
    '/staff/patients/:id/plans',
    {
      config: { access: permit('plan.read') },
      schema: {
        operationId: 'listPatientPlans',
        summary: "A patient's treatment plans",
        tags: ['treatment'],
        params: TreatmentIdParams,
        response: { 200: PlanListOut },
      },
    },
    async (request) => readPatientPlans(app.ctx, request.params.id, staffActor(request)),
  );

  app.put(
    '/staff/plans/:id',
    {
      config: { access: permit('plan.write') },
      schema: {
        operationId: 'saveTreatmentPlan',
        summary: 'Save a draft treatment plan',
        tags: ['treatment'],
        params: TreatmentIdParams,
        body: PlanIn,
        response: { 200: PlanOut },
      },
    },
    async (request) => saveTreatmentPlan(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/plans/:id/approve',
    {
      config: { access: permit('plan.approve') },
      schema: {
        operationId: 'approveTreatmentPlan',
        summary: 'Approve a treatment plan',
        tags: ['treatment'],
        params: TreatmentIdParams,
        body: CoSignIn,
        response: { 200: PlanOut },
      },
    },
    async (request) => approveTreatmentPlan(app.ctx, request.params.id, request.body?.coSign, staffActor(request)),
  );

  app.post(
    '/staff/plans/:id/cosign',
    {
      config: { access: permit('plan.cosign') },
      schema: {
        operationId: 'cosignTreatmentPlan',
        summary: 'Co-sign a treatment plan',
        tags: ['treatment'],
        params: TreatmentIdParams,
        response: { 200: PlanOut },
      },
    },
    async (request) => cosignTreatmentPlan(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/plans/:id/series',
    {
      config: { access: permit('plan.series.book'), errors: ['slot_unavailable'] },
      schema: {
        operationId: 'bookPlanSeries',
        summary: "Book the plan's series of visits",
        tags: ['treatment'],
        params: TreatmentIdParams,
        body: SeriesIn,
        response: { 200: SeriesOut, 201: SeriesOut },
      },
    },
    async (request, reply) => {
      const result = await bookPlanSeries(app.ctx, request.params.id, request.body, staffActor(request));
      return reply.status(result.dryRun ? 200 : 201).send(result);
    },
  );
};
