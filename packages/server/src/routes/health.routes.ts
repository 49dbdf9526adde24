import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthOut, ReadyOut } from '@myomap/contract/health/health.schemas';
import { PUBLIC } from '../lib/route-access.ts';
import { checkReadiness } from '../stores/health-store.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Liveness: cheap and without the database, so a slow database does not get the process restarted.
  app.get(
    '/health',
    {
      config: { access: PUBLIC },
      schema: { operationId: 'getHealth', summary: 'Liveness: the process answers (no database call)', tags: ['public'], response: { 200: HealthOut } },
    },
    async () => ({ status: 'ok' as const, database: app.ctx.db.kind }),
  );

  // Readiness: send traffic only once the database answers and its schema is up to date.
  app.get(
    '/ready',
    {
      config: { access: PUBLIC },
      schema: {
        operationId: 'getReadiness',
        summary: 'Readiness: the database answers and every migration is applied',
        tags: ['public'],
        response: { 200: ReadyOut, 503: ReadyOut },
      },
    },
    async (_request, reply) => {
      const problem = await checkReadiness(app.ctx.db);
      const database = app.ctx.db.kind;
      return problem ? reply.status(503).send({ status: 'not_ready', database, reason: problem }) : { status: 'ready' as const, database };
    },
  );
};
