import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import { DuplicatesOut, MergeBody, MergedOut, MergePreviewOut, MergePreviewQuery, PatientIdParams } from '@myomap/contract/identity/identity.schemas';
import { confirmIdentity, listDuplicates, mergeDuplicate, previewMerge } from '../../identity/check-patient-identity.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

// Reception and admin check identity and merge; clinicians may look.

export const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/patient-duplicates',
    {
      config: { access: permit('patient.duplicates.read') },
      schema: {
        operationId: 'listPatientDuplicates',
        summary: 'Self-registered records with the existing patients they may be',
        tags: ['identity'],
        response: { 200: DuplicatesOut },
      },
    },
    async (request) => listDuplicates(app.ctx, staffActor(request)),
  );

  app.get(
    '/staff/patients/:id/merge-preview',
    {
      config: { access: permit('patient.duplicates.read') },
      schema: {
        operationId: 'previewPatientMerge',
        summary: 'The side-by-side merge screen for a self-registered record and a possible match',
        tags: ['identity'],
        params: PatientIdParams,
        querystring: MergePreviewQuery,
        response: { 200: MergePreviewOut },
      },
    },
    async (request) => previewMerge(app.ctx, request.params.id, request.query.duplicateId, staffActor(request)),
  );

  app.post(
    '/staff/patients/:id/merge',
    {
      config: { access: permit('patient.merge') },
      schema: {
        operationId: 'mergePatients',
        summary: 'Merge another patient record into this one',
        tags: ['identity'],
        params: PatientIdParams,
        body: MergeBody,
        response: { 200: MergedOut },
      },
    },
    async (request) => mergeDuplicate(app.ctx, request.params.id, request.body.duplicateId, request.body.keep ?? {}, staffActor(request)),
  );

  app.post(
    '/staff/patients/:id/verify',
    {
      config: { access: permit('patient.merge') },
      schema: {
        operationId: 'verifyPatientIdentity',
        summary: 'Confirm a self-registered record is a new patient, not one of its possible matches',
        tags: ['identity'],
        params: PatientIdParams,
        response: { 200: PatientOut },
      },
    },
    async (request) => confirmIdentity(app.ctx, request.params.id, staffActor(request)),
  );
};
