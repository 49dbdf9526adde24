import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthOut } from '@myomap/contract/health/health.schemas';
import { PUBLIC } from '../lib/route-access.ts';
import { pingDatabase } from '../stores/health-store.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { access: PUBLIC },
      schema: { operationId: 'getHealth', summary: 'Whether the server and its database are up', tags: ['public'], response: { 200: HealthOut } },
    },
    async () => {
      await pingDatabase(app.ctx.db);
      return { status: 'ok' as const, database: app.ctx.db.kind };
    },
  );
};
