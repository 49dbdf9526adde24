import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssessmentIn,
  AssessmentOut,
  CreatedOut,
  LandmarksIn,
  LandmarksOut,
  NewAssessmentIn,
  PhotoBytesOut,
  PhotoQuery,
  PhotoUploadedOut,
} from '@myomap/contract/clinical/assessments.schemas';
import { IdParams } from '@myomap/contract/clinical/patients.schemas';
import { readAssessment, saveAssessment, startAssessment } from '../../clinical/save-assessment.ts';
import { placeLandmarks, readPhoto, uploadPhoto } from '../../clinical/upload-photo.ts';
import { AppError } from '../../lib/app-error.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/patients/:id/assessments',
    {
      config: { access: permit('assessment.write') },
      schema: {
        operationId: 'createAssessment',
        summary: 'Start an assessment for a patient',
        tags: ['clinical'],
        params: IdParams,
        body: NewAssessmentIn,
        response: { 201: CreatedOut },
      },
    },
    async (request, reply) => reply.status(201).send(await startAssessment(app.ctx, request.params.id, request.body?.appointmentId, staffActor(request))),
  );

  app.get(
    '/staff/assessments/:id',
    {
      config: { access: permit('assessment.read') },
      schema: { operationId: 'getAssessment', summary: 'An assessment', tags: ['clinical'], params: IdParams, response: { 200: AssessmentOut } },
    },
    async (request) => readAssessment(app.ctx, request.params.id, staffActor(request)),
  );

  app.put(
    '/staff/assessments/:id',
    {
      config: { access: permit('assessment.write') },
      schema: {
        operationId: 'saveAssessment',
        summary: "Save an assessment's findings",
        tags: ['clinical'],
        params: IdParams,
        body: AssessmentIn,
        response: { 200: AssessmentOut },
      },
    },
    async (request) => saveAssessment(app.ctx, request.params.id, request.body.data, staffActor(request)),
  );

  app.post(
    '/staff/assessments/:id/photos',
    {
      config: { access: permit('assessment.write'), multipart: true },
      schema: {
        operationId: 'uploadAssessmentPhoto',
        summary: 'Add a posture photo to an assessment (JPEG or PNG body)',
        tags: ['clinical'],
        params: IdParams,
        querystring: PhotoQuery,
        response: { 201: PhotoUploadedOut },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Upload the photo as multipart/form-data.');
      return reply.status(201).send(await uploadPhoto(app.ctx, request.params.id, request.query.view, await request.file(), staffActor(request)));
    },
  );

  app.get(
    '/staff/photos/:id',
    {
      config: { access: permit('assessment.read') },
      schema: {
        operationId: 'getPhoto',
        summary: "A posture photo's image",
        tags: ['clinical'],
        params: IdParams,
        response: {
          200: { description: 'The image as uploaded', content: { 'image/jpeg': { schema: PhotoBytesOut }, 'image/png': { schema: PhotoBytesOut } } },
        },
      },
    },
    async (request, reply) => {
      const photo = await readPhoto(app.ctx, request.params.id, staffActor(request));
      return reply.header('cache-control', 'private, no-store').type(photo.contentType).send(photo.bytes);
    },
  );

  app.put(
    '/staff/photos/:id/landmarks',
    {
      config: { access: permit('assessment.write') },
      schema: {
        operationId: 'savePhotoLandmarks',
        summary: 'Save the landmarks marked on a posture photo',
        tags: ['clinical'],
        params: IdParams,
        body: LandmarksIn,
        response: { 200: LandmarksOut },
      },
    },
    async (request) => placeLandmarks(app.ctx, request.params.id, request.body.landmarks, staffActor(request)),
  );
};
