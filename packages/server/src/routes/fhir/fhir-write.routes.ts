import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FHIR_MEDIA_TYPE, FhirBundleOut, OperationOutcomeOut, FhirImportIn, FhirImportQuery, FhirResourceOut } from '@myomap/contract/fhir/fhir.schemas';
import { FHIR_CREATE_ACTIONS } from '../../fhir/fhir-access.ts';
import { receiveServiceRequest } from '../../fhir/receive-service-request.ts';
import { sendFhir } from '../../fhir/fhir-http.ts';
import { importFhirBundle } from '../../fhir/import-bundle.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

const tags = ['fhir'];
const fhirOk = (schema: unknown, description: string) => ({ description, content: { [FHIR_MEDIA_TYPE]: { schema } } });

/**
 * The FHIR API's writes (docs/fhir.md): the import of a Bundle and an inbound ServiceRequest.
 * Registered inside fhirRoutes, so they share its OperationOutcome errors and not-found answers.
 */
export const fhirWriteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const baseUrl = `${app.ctx.config.publicUrl}/api/fhir/R4`;

  // '' is the prefix itself (POST /api/fhir/R4, FHIR's transaction endpoint), with no trailing-slash twin.
  app.post(
    '',
    {
      config: { access: permit('fhir.import'), fhir: true, errors: ['unprocessable', 'conflict'] },
      bodyLimit: BODY_LIMITS.fhirImport,
      schema: {
        operationId: 'importFhirBundle',
        summary: 'Import Patients and Appointments from a FHIR Bundle (`_dryRun=true` reports and changes nothing)',
        tags,
        querystring: FhirImportQuery,
        body: FhirImportIn,
        response: { 200: fhirOk(FhirBundleOut, 'A batch-response Bundle: one entry per input entry, created, matched or refused, and why') },
      },
    },
    async (request, reply) => sendFhir(reply, await importFhirBundle(app.ctx, request.body, { dryRun: request.query._dryRun === true }, staffActor(request))),
  );

  // An inbound referral from another system (docs/fhir.md "Inbound ServiceRequest"): the public
  // form's path, validated first; the same identifier twice answers 200 with the first referral.
  app.post(
    '/ServiceRequest',
    {
      config: { access: permit(FHIR_CREATE_ACTIONS.ServiceRequest), fhir: true, errors: ['validation_failed', 'unprocessable', 'not_found'] },
      bodyLimit: 64 * 1024,
      schema: {
        operationId: 'createFhirServiceRequest',
        summary: 'Refer a patient in: a FHIR R4 ServiceRequest with a contained Patient and requesting Practitioner',
        tags,
        body: FhirResourceOut,
        response: {
          201: fhirOk(OperationOutcomeOut, 'Received: an inbound referral in the worklist (Location names it)'),
          200: fhirOk(OperationOutcomeOut, 'Already received: the same identifier names an earlier referral, nothing was created'),
        },
      },
    },
    async (request, reply) => {
      const received = await receiveServiceRequest(app.ctx, request.body, staffActor(request));
      return sendFhir(reply.header('location', `${baseUrl}/ServiceRequest/${received.referralId}`), received.outcome, received.created ? 201 : 200);
    },
  );
};
