import type { FastifyPluginAsync } from 'fastify';
import { aftercareRoutes } from './aftercare.routes.ts';
import { noteRoutes } from './notes.routes.ts';
import { planRoutes } from './plans.routes.ts';

export const treatmentRoutes: FastifyPluginAsync = async (app) => {
  await app.register(planRoutes);
  await app.register(noteRoutes);
  await app.register(aftercareRoutes);
};
