import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DocumentBytesOut } from '@myomap/contract/documents/documents.schemas';
import { FHIR_MEDIA_TYPE, FhirBundleOut } from '@myomap/contract/fhir/fhir.schemas';
import { Type } from '@sinclair/typebox';
import { sendFhir } from '../../fhir/fhir-http.ts';
import { patientEverything } from '../../fhir/read-fhir.ts';
import { portalActor, portalVisitor } from '../../lib/portal-session.ts';
import { portal } from '../../lib/route-access.ts';
import { summarisePortalRecord } from '../../portal/summarise-portal-record.ts';

const tags = ['portal'];

/** The signed-in patient's own record to take away: the FHIR Bundle and a PDF summary. */
export const portalDownloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = { access: portal('portal.read') };
  app.get(
    '/portal/record',
    {
      config: read,
      schema: {
        operationId: 'downloadPortalRecord',
        summary: "The patient's whole record as a FHIR Patient/$everything Bundle (a download)",
        tags,
        response: { 200: { description: 'A searchset Bundle', content: { [FHIR_MEDIA_TYPE]: { schema: FhirBundleOut } } } },
      },
    },
    async (request, reply) => {
      const patientId = portalVisitor(request).patientId;
      // The patient's right of access covers every part of their own record: every compartment type.
      const bundle = await patientEverything(
        app.ctx,
        patientId,
        { actor: portalActor(request), mayRead: () => true, patientId },
        `${app.ctx.config.publicUrl}/api/fhir/R4`,
      );
      void reply.header('content-disposition', 'attachment; filename="my-health-record.fhir.json"').header('cache-control', 'no-store');
      return sendFhir(reply, bundle);
    },
  );

  app.get(
    '/portal/summary.pdf',
    {
      config: read,
      schema: {
        operationId: 'downloadPortalSummaryPdf',
        summary: "A PDF summary of the patient's record (visits, scores, consent) in English or Arabic",
        tags,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])) }, { additionalProperties: false }),
        response: { 200: { description: 'A PDF letter', content: { 'application/pdf': { schema: DocumentBytesOut } } } },
      },
    },
    async (request, reply) => {
      const pdf = await summarisePortalRecord(app.ctx, portalVisitor(request).patientId, request.query.lang ?? 'en', portalActor(request));
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="my-record-summary.pdf"')
        .type('application/pdf')
        .send(Buffer.from(pdf));
    },
  );
};
