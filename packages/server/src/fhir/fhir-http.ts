import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_MEDIA_TYPE } from '@myomap/contract/fhir/fhir.schemas';
import type { AppError } from '../lib/app-error.ts';
import { errorReply } from '../lib/error-reply.ts';
import { PUBLIC } from '../lib/route-access.ts';
import { toOperationOutcome } from './fhir-outcome.ts';

/** Sends a resource as FHIR JSON, as is: the route's schema documents it, FHIR (not fast-json-stringify) defines it. */
export function sendFhir(reply: FastifyReply, body: unknown, status = 200): FastifyReply {
  return reply.status(status).type(FHIR_MEDIA_TYPE).send(JSON.stringify(body));
}

/**
 * Within the FHIR plugin (its own prefix): every error, and every unknown path, answers as an
 * OperationOutcome with the error table's code; `application/fhir+json` bodies parse as JSON.
 */
export function useFhirReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const out = errorReply(error);
    if (out.status >= 500) request.log.error(error);
    return sendFhir(reply, toOperationOutcome(out), out.status);
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendFhir(reply, toOperationOutcome({ status: 404, code: 'not_found', message: `No FHIR route for ${request.method} ${request.url.split('?')[0]}.` }), 404);
  app.setNotFoundHandler(notFound);
  // The web pages' catch-all route (GET /*) would otherwise take unknown FHIR addresses and hand them
  // to the root's not-found handler, which answers in our error shape instead of an OperationOutcome.
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', config: { access: PUBLIC }, schema: { hide: true }, handler: notFound });
  app.addContentTypeParser(FHIR_MEDIA_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
}
