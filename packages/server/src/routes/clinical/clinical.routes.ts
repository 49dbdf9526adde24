import type { FastifyPluginAsync } from 'fastify';
import { assessmentRoutes } from './assessments.routes.ts';
import { patientRoutes } from './patients.routes.ts';

export const clinicalRoutes: FastifyPluginAsync = async (app) => {
  await app.register(patientRoutes);
  await app.register(assessmentRoutes);
};
