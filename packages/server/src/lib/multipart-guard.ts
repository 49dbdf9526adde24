import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart/form-data upload; every other route refuses one with 415. */
    multipart?: boolean;
  }
}

/** The largest upload any route takes (posture photos, 8 MB). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

// RFC 2046 §5.1.1: a boundary is 1–70 characters from this set, and may be quoted.
const BOUNDARY = /;\s*boundary=(?:"([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])"|([0-9A-Za-z'()+_,\-./:=?]{1,70}))\s*(?:;|$)/i;

/**
 * Multipart for the whole app, in one place. Busboy reports a malformed upload (no boundary,
 * a bad part header, a body that ends early) as a plain Error, which would be a 500: here
 * every such failure is a 400 `invalid_multipart`, whichever route reads the upload.
 */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    if (!request.routeOptions.config.multipart) throw new AppError('unsupported_media_type', 'Send the body as application/json.');
    if (!BOUNDARY.test(String(request.headers['content-type'] ?? ''))) {
      throw new AppError('invalid_multipart', 'The multipart body has no valid boundary.');
    }
    guardFileReads(request);
  });
}

/** A parser error without an HTTP status is the client's malformed body; limits keep their 413. */
function asClientError(error: unknown): unknown {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status < 500) return error;
  if (error instanceof AppError) return error;
  return new AppError('invalid_multipart', 'The multipart body is malformed.');
}

function guardFileReads(request: FastifyRequest): void {
  const readFile = request.file.bind(request);
  request.file = async (...args: Parameters<typeof readFile>) => {
    const file = await readFile(...args).catch((error: unknown) => {
      throw asClientError(error);
    });
    if (file) {
      const toBuffer = file.toBuffer.bind(file);
      file.toBuffer = () =>
        toBuffer().catch((error: unknown) => {
          throw asClientError(error);
        });
    }
    return file;
  };
}
