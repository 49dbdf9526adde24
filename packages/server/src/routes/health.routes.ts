import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthOut } from '@myomap/contract/health/health.schemas';
import { PUBLIC } from '../lib/route-access.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { config: { access: PUBLIC }, schema: { tags: ['public'], response: { 200: HealthOut } } }, async () => {
    await app.ctx.db.query('select 1');
    return { status: 'ok' as const, database: app.ctx.db.kind };
  });
};
