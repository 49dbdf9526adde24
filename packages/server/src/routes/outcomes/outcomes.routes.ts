import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DischargeIn, EpisodeIn, EpisodeOut, EpisodeProgressOut, MeasurementIn, MeasurementOut } from '@myomap/contract/outcomes/outcomes.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { dischargeEpisode } from '../../outcomes/discharge-episode.ts';
import { listEpisodes } from '../../outcomes/list-episodes.ts';
import { loadEpisodeProgress } from '../../outcomes/load-episode-progress.ts';
import { openEpisode } from '../../outcomes/open-episode.ts';
import { recordMeasurement } from '../../outcomes/record-measurement.ts';
import { outcomeReportRoutes } from './outcome-reports.routes.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** Episodes of care and their measures (issue 11). Each route: its schema and one call. */
export const outcomeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['outcomes'];
  await app.register(outcomeReportRoutes);

  app.get(
    '/staff/patients/:id/episodes',
    {
      config: { access: permit('outcomes.read') },
      schema: {
        operationId: 'listPatientEpisodes',
        summary: "A patient's episodes of care",
        tags,
        params: IdParams,
        response: { 200: Type.Array(EpisodeOut) },
      },
    },
    async (request) => listEpisodes(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/patients/:id/episodes',
    {
      config: { access: permit('outcomes.record') },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'createEpisode', summary: 'Open an episode of care', tags, params: IdParams, body: EpisodeIn, response: { 201: EpisodeOut } },
    },
    async (request, reply) => reply.status(201).send(await openEpisode(app.ctx, request.params.id, request.body, staffActor(request))),
  );

  app.get(
    '/staff/episodes/:id',
    {
      config: { access: permit('outcomes.read') },
      schema: {
        operationId: 'getEpisodeProgress',
        summary: 'An episode of care with its measurements and progress',
        tags,
        params: IdParams,
        response: { 200: EpisodeProgressOut },
      },
    },
    async (request) => loadEpisodeProgress(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/episodes/:id/measurements',
    {
      config: { access: permit('outcomes.record') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'recordMeasurement',
        summary: 'Record an outcome measurement',
        tags,
        params: IdParams,
        body: MeasurementIn,
        response: { 201: MeasurementOut },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordMeasurement(app.ctx, request.params.id, { ...request.body, source: request.body.source ?? 'clinician' }, staffActor(request))),
  );

  app.post(
    '/staff/episodes/:id/discharge',
    {
      config: { access: permit('outcomes.record') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'dischargeEpisode',
        summary: 'Discharge an episode of care',
        tags,
        params: IdParams,
        body: DischargeIn,
        response: { 200: EpisodeOut },
      },
    },
    async (request) => dischargeEpisode(app.ctx, request.params.id, request.body.reason, staffActor(request)),
  );
};
