import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  DischargeIn,
  EpisodeIn,
  EpisodeOut,
  EpisodeProgressOut,
  InstrumentOut,
  MeasurementIn,
  MeasurementOut,
  OutcomeReportOut,
  ReportQuery,
} from '@myomap/contract/outcomes/outcomes.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { dischargeEpisode } from '../../outcomes/discharge-episode.ts';
import { listInstruments } from '../../outcomes/enabled-instruments.ts';
import { formatOutcomeReportCsv } from '../../outcomes/format-outcome-report-csv.ts';
import { listEpisodes } from '../../outcomes/list-episodes.ts';
import { loadEpisodeProgress } from '../../outcomes/load-episode-progress.ts';
import { checkReportPeriod, loadOutcomeReport } from '../../outcomes/load-outcome-report.ts';
import { openEpisode } from '../../outcomes/open-episode.ts';
import { recordMeasurement } from '../../outcomes/record-measurement.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** Episodes of care, measures and the outcome report (issue 11). Each route: its schema and one call. */
export const outcomeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['outcomes'];

  app.get('/staff/instruments', { config: { access: permit('outcomes.read') }, schema: { tags, response: { 200: Type.Array(InstrumentOut) } } }, async () =>
    listInstruments(app.ctx.db),
  );

  app.get(
    '/staff/patients/:id/episodes',
    { config: { access: permit('outcomes.read') }, schema: { tags, params: IdParams, response: { 200: Type.Array(EpisodeOut) } } },
    async (request) => listEpisodes(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/patients/:id/episodes',
    {
      config: { access: permit('outcomes.record') },
      bodyLimit: BODY_LIMITS.form,
      schema: { tags, params: IdParams, body: EpisodeIn, response: { 201: EpisodeOut } },
    },
    async (request, reply) => reply.status(201).send(await openEpisode(app.ctx, request.params.id, request.body, staffActor(request))),
  );

  app.get(
    '/staff/episodes/:id',
    { config: { access: permit('outcomes.read') }, schema: { tags, params: IdParams, response: { 200: EpisodeProgressOut } } },
    async (request) => loadEpisodeProgress(app.ctx, request.params.id, staffActor(request)),
  );

  app.post(
    '/staff/episodes/:id/measurements',
    {
      config: { access: permit('outcomes.record') },
      bodyLimit: BODY_LIMITS.form,
      schema: { tags, params: IdParams, body: MeasurementIn, response: { 201: MeasurementOut } },
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
      schema: { tags, params: IdParams, body: DischargeIn, response: { 200: EpisodeOut } },
    },
    async (request) => dischargeEpisode(app.ctx, request.params.id, request.body.reason, staffActor(request)),
  );

  app.get(
    '/staff/reports/outcomes',
    { config: { access: permit('outcomes.report') }, schema: { tags, querystring: ReportQuery, response: { 200: OutcomeReportOut } } },
    async (request) => loadOutcomeReport(app.ctx, checkReportPeriod(request.query), staffActor(request)),
  );

  app.get(
    '/staff/reports/outcomes.csv',
    {
      config: { access: permit('outcomes.report') },
      schema: { tags, querystring: ReportQuery, produces: ['text/csv'], response: { 200: Type.String({ description: 'CSV (RFC 4180)' }) } },
    },
    async (request, reply) => {
      const report = await loadOutcomeReport(app.ctx, checkReportPeriod(request.query), staffActor(request));
      const file = `outcomes-${request.query.from}-${request.query.to}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(formatOutcomeReportCsv(report));
    },
  );
};
