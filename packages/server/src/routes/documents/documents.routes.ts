import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams } from '@myomap/contract/clinical/patients.schemas';
import { DocumentBytesOut, DocumentOut } from '@myomap/contract/documents/documents.schemas';
import { downloadDocument, downloadFileName, listDocuments } from '../../documents/read-documents.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

/** Stored letters and results (issue 14): the list on a patient's record and the download. */
export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['documents'];

  app.get(
    '/staff/patients/:id/documents',
    {
      config: { access: permit('documents.read') },
      schema: {
        operationId: 'listPatientDocuments',
        summary: "A patient's stored letters and results, newest first",
        tags,
        params: IdParams,
        response: { 200: Type.Array(DocumentOut) },
      },
    },
    async (request) => listDocuments(app.ctx, request.params.id, staffActor(request)),
  );

  app.get(
    '/staff/documents/:id',
    {
      config: { access: permit('documents.read') },
      schema: {
        operationId: 'downloadDocument',
        summary: 'A stored letter or result, exactly as stored (checked against its SHA-256)',
        tags,
        params: IdParams,
        response: { 200: { description: 'The document as stored', content: { 'application/pdf': { schema: DocumentBytesOut } } } },
      },
    },
    async (request, reply) => {
      const { document, bytes } = await downloadDocument(app.ctx, request.params.id, staffActor(request));
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${downloadFileName(document)}"`)
        .header('x-content-sha256', document.sha256)
        .type(document.mediaType)
        .send(Buffer.from(bytes));
    },
  );
};
