import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers (CSP, frame-ancestors, nosniff, Referrer-Policy, HSTS over https, …) on every
 * response, the public availability and booking routes included. The middleware is built once
 * here: @fastify/helmet called `helmet(options)` again for every request, re-parsing the CSP
 * directives each time, which was a tenth of a cached availability answer's CPU (issue 13).
 * Same library, same options, same headers; only the per-request rebuilding is gone.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const setHeaders = helmet(options);
  app.addHook('onRequest', (request, reply, done) => {
    // Helmet sets the headers on the raw response, as @fastify/helmet did, so replies that stream
    // (static files) carry them too. It throws rather than passing errors to `done` (helmet ≥ 8.1).
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
