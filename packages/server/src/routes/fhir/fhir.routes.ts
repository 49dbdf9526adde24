import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FHIR_MEDIA_TYPE, FhirBundleOut, FhirFormatQuery, FhirReadParams, FhirResourceOut, fhirSearchQuery } from '@myomap/contract/fhir/fhir.schemas';
import { buildCapabilityStatement } from '../../fhir/capability-statement.ts';
import { staffFhirAccess } from '../../fhir/fhir-access.ts';
import { sendFhir, useFhirReplies } from '../../fhir/fhir-http.ts';
import { FHIR_RESOURCES, searchParamsOf } from '../../fhir/fhir-resources.ts';
import { patientEverything, readFhirResource, searchFhirResources, type FhirQuery } from '../../fhir/read-fhir.ts';
import { permit, PUBLIC } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { fhirWriteRoutes } from './fhir-write.routes.ts';

const tags = ['fhir'];
const fhirOk = (schema: unknown, description: string) => ({ description, content: { [FHIR_MEDIA_TYPE]: { schema } } });

/**
 * The FHIR R4 API under /api/fhir/R4 (docs/fhir.md): read and search for every type in
 * fhir/fhir-resources.ts, the CapabilityStatement from the same table and Patient/$everything; the
 * writes (import, ServiceRequest) are in fhir-write.routes.ts. Errors are OperationOutcomes carrying the error table's code; unknown paths too.
 */
export const fhirRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const baseUrl = `${app.ctx.config.publicUrl}/api/fhir/R4`;
  useFhirReplies(app);

  app.get(
    '/metadata',
    {
      config: { access: PUBLIC, fhir: true },
      schema: {
        operationId: 'getFhirCapabilityStatement',
        summary: 'The FHIR CapabilityStatement',
        tags,
        querystring: FhirFormatQuery,
        response: { 200: fhirOk(FhirResourceOut, 'CapabilityStatement') },
      },
    },
    async (_request, reply) => sendFhir(reply, buildCapabilityStatement(baseUrl, { version: '1.0.0', releaseDate: '2026-12-02' })),
  );

  for (const spec of FHIR_RESOURCES) {
    const names = searchParamsOf(spec).map((p) => p.name);
    app.get(
      `/${spec.type}`,
      {
        config: { access: permit(spec.action), fhir: true },
        schema: {
          operationId: `searchFhir${spec.type}`,
          summary: `Search ${spec.type} (FHIR R4)`,
          description: `Search parameters: ${names.join(', ')}.`,
          tags,
          querystring: fhirSearchQuery(names),
          response: { 200: fhirOk(FhirBundleOut, 'A searchset Bundle') },
        },
      },
      async (request, reply) =>
        sendFhir(reply, await searchFhirResources(app.ctx, spec.type, request.query as FhirQuery, staffFhirAccess(staffActor(request)), baseUrl)),
    );
    if (!spec.read) continue;
    app.get(
      `/${spec.type}/:id`,
      {
        config: { access: permit(spec.action), fhir: true },
        schema: {
          operationId: `getFhir${spec.type}`,
          summary: `Read one ${spec.type} (FHIR R4)`,
          tags,
          params: FhirReadParams,
          querystring: FhirFormatQuery,
          response: { 200: fhirOk(FhirResourceOut, spec.type) },
        },
      },
      async (request, reply) => sendFhir(reply, await readFhirResource(app.ctx, spec.type, request.params.id, staffFhirAccess(staffActor(request)))),
    );
  }

  app.get(
    '/Patient/:id/$everything',
    {
      config: { access: permit('patient.contact.read'), fhir: true },
      schema: {
        operationId: 'getFhirPatientEverything',
        summary: "One patient's whole record as a Bundle (what the caller's role may read)",
        tags,
        params: FhirReadParams,
        querystring: FhirFormatQuery,
        response: { 200: fhirOk(FhirBundleOut, 'A searchset Bundle') },
      },
    },
    async (request, reply) => sendFhir(reply, await patientEverything(app.ctx, request.params.id, staffFhirAccess(staffActor(request)), baseUrl)),
  );

  await app.register(fhirWriteRoutes);
};
