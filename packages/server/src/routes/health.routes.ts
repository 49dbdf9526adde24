import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthOut, ReadyOut } from '@myomap/contract/health/health.schemas';
import { AppError } from '../lib/app-error.ts';
import { PUBLIC } from '../lib/route-access.ts';
import { checkReadiness } from '../stores/health-store.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Liveness: cheap and without the database, so a slow database does not get the process restarted;
  // but a process that has lost its database for good (PGlite's thread ended) is not alive: 503.
  app.get(
    '/health',
    {
      config: { access: PUBLIC, errors: ['not_ready'] },
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness: the process answers (no database call) and has not lost its database for good',
        tags: ['public'],
        response: { 200: HealthOut },
      },
    },
    async () => {
      const database = app.ctx.db.kind;
      // 503 not_ready, as every request that needs the database now answers.
      const lost = app.ctx.db.lost();
      if (lost) throw lost;
      return { status: 'ok' as const, database };
    },
  );

  // Readiness: send traffic only once the database answers and its schema is up to date.
  app.get(
    '/ready',
    {
      config: { access: PUBLIC, errors: ['not_ready'] },
      schema: {
        operationId: 'getReadiness',
        summary: 'Readiness: the database answers and every migration is applied',
        tags: ['public'],
        response: { 200: ReadyOut },
      },
    },
    async () => {
      // The demo history is seeded after the server listens (start-app.ts): not ready until it is in.
      const pending = [...app.pendingStartup][0];
      const problem = pending ? `starting: ${pending}` : await checkReadiness(app.ctx.db);
      const database = app.ctx.db.kind;
      // 503 in the one error shape: the reason (database unreachable, a migration pending) in details.
      if (problem) throw new AppError('not_ready', 'The server is not ready to serve requests.', [{ field: database, problem }]);
      return { status: 'ready' as const, database };
    },
  );
};
