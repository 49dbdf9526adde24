import type { FastifyError } from 'fastify';
import { AppError } from './app-error.ts';

export interface ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * What any thrown error becomes: status, code, message and details from the one error table.
 * The app's error handler sends it as `{ error }`; the FHIR API sends the same as an OperationOutcome.
 */
export function errorReply(error: FastifyError | AppError): ErrorReply {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  if (error.validation) {
    const details = error.validation.map((v) => {
      const extra = (v.params as { additionalProperty?: string }).additionalProperty;
      const path = `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`;
      return { field: extra ? `${path}.${extra}` : path, problem: extra ? 'is not an allowed field' : v.message };
    });
    return { status: 400, code: 'validation_failed', message: 'The request is not valid.', details };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, code: 'payload_too_large', message: 'The request body is too large.' };
  if (status === 415) return { status, code: 'unsupported_media_type', message: 'Send the body as application/json.' };
  if (status === 429) return { status, code: 'rate_limited', message: 'Too many requests; try again shortly.' };
  if (status >= 400 && status < 500) {
    const code = error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError ? 'invalid_json' : 'bad_request';
    return { status, code, message: error.message };
  }
  return { status: 500, code: 'internal_error', message: 'Something went wrong on our side.' };
}
