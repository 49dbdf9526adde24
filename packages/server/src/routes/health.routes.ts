import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PUBLIC } from '../lib/route-access.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { config: { access: PUBLIC }, schema: { tags: ['public'], response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) } } },
    async () => {
      await app.ctx.db.query('select 1');
      return { status: 'ok' as const, database: app.ctx.db.kind };
    },
  );
};
