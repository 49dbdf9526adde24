import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PractitionerParams, PractitionerProfileIn, PractitionerProfileOut } from '@myomap/contract/education/education.schemas';
import { readPractitionerProfile, savePractitionerProfile } from '../../education/save-practitioner-profile.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

/** Practitioner profiles on the public /team page (issue 15): qualifications and languages. */
export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/practitioners/:id/profile',
    {
      config: { access: permit('catalog.manage') },
      schema: {
        operationId: 'getPractitionerProfile',
        summary: 'A practitioner’s qualifications and languages, as the team page shows them',
        tags: ['admin'],
        params: PractitionerParams,
        response: { 200: PractitionerProfileOut },
      },
    },
    async (request) => readPractitionerProfile(app.ctx, request.params.id),
  );

  app.put(
    '/staff/practitioners/:id/profile',
    {
      config: { access: permit('catalog.manage') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'savePractitionerProfile',
        summary: 'A practitioner’s qualifications and languages on the public team page',
        tags: ['admin'],
        params: PractitionerParams,
        body: PractitionerProfileIn,
        response: { 200: PractitionerProfileOut },
      },
    },
    async (request) => savePractitionerProfile(app.ctx, request.params.id, request.body, staffActor(request)),
  );
};
