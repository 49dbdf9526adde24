import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { InstrumentOut, OutcomeReportOut, ReportQuery } from '@myomap/contract/outcomes/outcomes.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { listInstruments } from '../../outcomes/enabled-instruments.ts';
import { formatOutcomeReportCsv } from '../../outcomes/format-outcome-report-csv.ts';
import { checkReportPeriod, loadOutcomeReport } from '../../outcomes/load-outcome-report.ts';

/** The clinic's instruments and the outcome report, as JSON and as a CSV download (issue 11). */
export const outcomeReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['outcomes'];

  app.get(
    '/staff/instruments',
    {
      config: { access: permit('outcomes.read') },
      schema: {
        operationId: 'listInstruments',
        summary: 'Outcome measures (questionnaires) the clinic can use',
        tags,
        response: { 200: Type.Array(InstrumentOut) },
      },
    },
    async () => listInstruments(app.ctx.db),
  );

  app.get(
    '/staff/reports/outcomes',
    {
      config: { access: permit('outcomes.report') },
      schema: {
        operationId: 'getOutcomeReport',
        summary: 'The outcome report for a period',
        tags,
        querystring: ReportQuery,
        response: { 200: OutcomeReportOut },
      },
    },
    async (request) => loadOutcomeReport(app.ctx, checkReportPeriod(request.query), staffActor(request)),
  );

  app.get(
    '/staff/reports/outcomes.csv',
    {
      config: { access: permit('outcomes.report') },
      schema: {
        operationId: 'downloadOutcomeReportCsv',
        summary: 'The outcome report for a period, as CSV',
        tags,
        querystring: ReportQuery,
        response: { 200: { description: 'The report as a CSV download', content: { 'text/csv': { schema: Type.String({ description: 'CSV (RFC 4180)' }) } } } },
      },
    },
    async (request, reply) => {
      const report = await loadOutcomeReport(app.ctx, checkReportPeriod(request.query), staffActor(request));
      const file = `outcomes-${request.query.from}-${request.query.to}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(formatOutcomeReportCsv(report));
    },
  );
};
