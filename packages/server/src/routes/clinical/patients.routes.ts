import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, PatientIn, PatientOut, PatientPatch, PatientRecordOut, PatientSearchQuery } from '@myomap/contract/clinical/patients.schemas';
import { Type } from '@sinclair/typebox';
import { loadPatientContact } from '../../clinical/load-patient-contact.ts';
import { loadPatientRecord } from '../../clinical/load-patient-record.ts';
import { registerPatient, searchPatients, updatePatient } from '../../clinical/save-patient.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

export const patientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/patients',
    {
      config: { access: permit('patient.contact.read') },
      schema: {
        operationId: 'searchPatients',
        summary: 'Find patients by name, phone, email or date of birth',
        tags: ['clinical'],
        querystring: PatientSearchQuery,
        response: { 200: Type.Array(PatientOut) },
      },
    },
    async (request) => searchPatients(app.ctx, request.query.q ?? '', staffActor(request)),
  );

  app.post(
    '/staff/patients',
    {
      config: { access: permit('patient.contact.write') },
      schema: { operationId: 'createPatient', summary: 'Add a patient record', tags: ['clinical'], body: PatientIn, response: { 201: PatientOut } },
    },
    async (request, reply) => reply.status(201).send(await registerPatient(app.ctx, request.body, staffActor(request))),
  );

  app.patch(
    '/staff/patients/:id',
    {
      config: { access: permit('patient.contact.write') },
      schema: {
        operationId: 'updatePatient',
        summary: "Change a patient's demographics and contact details",
        tags: ['clinical'],
        params: IdParams,
        body: PatientPatch,
        response: { 200: PatientOut },
      },
    },
    async (request) => updatePatient(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.get(
    '/staff/patients/:id',
    {
      config: { access: permit('patient.contact.read') },
      schema: { operationId: 'getPatient', summary: "A patient's record", tags: ['clinical'], params: IdParams, response: { 200: PatientRecordOut } },
    },
    async (request) => loadPatientRecord(app.ctx, request.params.id, staffActor(request)),
  );

  app.get(
    '/staff/patients/:id/contact',
    {
      config: { access: permit('patient.contact.read') },
      schema: {
        tags: ['clinical'],
        operationId: 'getPatientContact',
        summary: "The patient's name and contact details without the rest of the record",
        params: IdParams,
        response: { 200: PatientOut },
      },
    },
    async (request) => loadPatientContact(app.ctx, request.params.id, staffActor(request)),
  );
};
