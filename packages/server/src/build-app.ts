import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import SerializerSelector, { type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import type { AppConfig } from './config/load-config.ts';
import type { AppContext } from './app-context.ts';
import { AppError, errorBody } from './lib/app-error.ts';
import { errorReply } from './lib/error-reply.ts';
import { registerApiDocument, registerDocsPage } from './lib/document-api.ts';

import { createMetrics, observeRequests, registerTokenMetricsRoute } from './lib/metrics.ts';
import { serializeError } from './lib/log-errors.ts';
import { registerMultipart } from './lib/multipart-guard.ts';
import { findUnsafeText } from './lib/unsafe-text.ts';
import { redactTokensInUrl } from './lib/redact-tokens.ts';
import { PUBLIC, registerRouteAccess } from './lib/route-access.ts';
import { registerRoutes } from './routes/register-routes.ts';
import { registerCompression, registerWebApp } from './lib/web-delivery.ts';
import { registerWebPages } from './lib/web-pages.ts';
import { registerEducationPages } from './education/register-education-pages.ts';
import { registerSecurityHeaders } from './lib/security-headers.ts';
import { scheduleCaches } from './scheduling/schedule-catalog.ts';

const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuildOptions {
  logger?: boolean;
  /** Where log lines go (tests read them to prove tokens are redacted). */
  logStream?: Writable;
  /** Sees every route as it is added (the route fuzzer enumerates the API this way). */
  onRoute?: (route: RouteOptions) => void;
  /** The built web app's folder (tests pass a small one); packages/web/dist by default. */
  webDist?: string;
  /**
   * Settles once the database is migrated and seeded (start-app.ts builds the app meanwhile). Nothing
   * here reads the database until then; the app is returned only after it, and fails with it.
   */
  databaseReady?: PromiseLike<unknown>;
}

/** Builds the app without listening: tests call `app.inject()`, start-server.ts listens. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger || options.logStream ? loggerOptions(ctx.config.logLevel, options.logStream) : false,
    bodyLimit: 1024 * 1024,
    // Response serialisers (fast-json-stringify, Fastify's own) compiled at a route's first answer
    // rather than at start, like the validators below (issue 13: start time).
    schemaController: { compilersFactory: { buildSerializer: serializeOnFirstUse } },
    // Only the proxies named in TRUST_PROXY may set X-Forwarded-For; by default request.ip is
    // the socket's address, so a client cannot choose the address that throttling counts.
    trustProxy: ctx.config.trustProxy,
    // The router's own refusals (a malformed percent-escape, an over-long path segment) in the
    // contract's error body too, as 400s.
    frameworkErrors: (error, _request, reply) => {
      const invalidUrl = error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const code = invalidUrl ? 'invalid_url' : 'bad_request';
      // The router ignores what this returns; send() starts the response.
      void (reply as FastifyReply).status(400).send(errorBody(code, invalidUrl ? 'The address is not valid.' : error.message));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('ctx', ctx);
  // Prometheus metrics only when an operator asked for them (METRICS_PORT or METRICS_TOKEN).
  const { port: metricsPort, token: metricsToken } = ctx.config.metrics;
  const metrics = metricsPort !== undefined || metricsToken ? createMetrics(ctx) : undefined;
  app.decorate('metrics', metrics);
  if (metrics) observeRequests(app, metrics);
  if (metrics && metricsToken) registerTokenMetricsRoute(app, metrics, metricsToken);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // The schedule version and catalog cache, shared by availability and booking (scheduling/schedule-catalog.ts);
  // listening for changes starts at the end, once the database is ready.
  const schedule = scheduleCaches(ctx.db);
  app.decorate('schedule', schedule);
  app.decorate('pendingStartup', new Set<string>());
  app.addHook('onClose', () => schedule.close());
  // Read your own writes: a request that may have changed the schedule answers only once this
  // instance has heard every change committed before (schedule-version.ts), so the same client's
  // next availability question never gets the answer from before its booking, move or new hours.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') await schedule.version.caughtUp();
    return payload;
  });

  // Query strings and paths arrive as text and are coerced to their schema types; JSON bodies
  // are not, so `"serviceId": 5` is a 400 rather than a silent "5".
  const makeAjv = (coerceTypes: boolean | 'array') => {
    const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
    // ajv-formats is CommonJS: under Node's ESM loader the plugin is the module's `default` property.
    (addFormats.default as typeof addFormats)(ajv);
    return ajv;
  };
  const coercing = makeAjv('array');
  const strict = makeAjv(false);
  // Each validator is compiled at its route's first request, not at start: compiling every route's
  // schemas was over a second of each start (issue 13), most of it for routes a start never sees.
  // The fuzz and OpenAPI tests call every route, so a schema Ajv refuses still fails the tests.
  app.setValidatorCompiler(({ schema, httpPart }) => compileOnFirstUse(() => (httpPart === 'body' ? strict : coercing).compile(schema)));
  // A POST with no body at all (a bare "cancel" or "sign") is an empty object, so routes with
  // optional fields accept it and routes with required fields still name what is missing.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'HEAD') request.body = {};
    // NUL and lone surrogates, anywhere, for every route: PostgreSQL cannot store them.
    const unsafe =
      findUnsafeText(request.params, 'params') ??
      findUnsafeText(request.query, 'querystring') ??
      findUnsafeText(request.headers, 'headers') ??
      findUnsafeText(request.body, 'body');
    if (unsafe) throw new AppError('validation_failed', 'The request is not valid.', [unsafe]);
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { status, code, message, details } = errorReply(error);
    if (status >= 500 && !(error instanceof AppError)) request.log.error(error);
    return reply.status(status).send(errorBody(code, message, details));
  });

  await registerApiDocument(app);
  registerSecurityHeaders(app, securityHeaders(ctx.config));
  await app.register(fastifyCookie);
  await registerMultipart(app);
  await app.register(fastifyRateLimit, { global: false });
  await registerCompression(app);
  await registerDocsPage(app);

  // Before the routes, so every route inherits the access check and lands in the route list.
  registerRouteAccess(app);
  await app.register(registerRoutes, { prefix: '/api' });
  app.get('/api/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, () => app.swagger());
  // FHIR clients are usually given the base /fhir/R4 (issue 14). The API lives under /api with every other
  // route (one access check, rate limit and audit), so the short base answers 308, which keeps the method and body.
  app.route({
    method: ['GET', 'POST'],
    url: '/fhir/R4*',
    config: { access: PUBLIC },
    schema: { hide: true },
    handler: (request, reply) => reply.redirect(`/api${request.url}`, 308),
  });

  const web = options.webDist ?? webDist;
  await registerWebApp(app, web);
  await registerWebPages(app, web);
  await registerEducationPages(app, web);
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
  await options.databaseReady;
  await schedule.listen((message, error) => app.log.warn({ err: error }, message));
  return app;
}

/** Fastify's own serializer factory, each serializer built when its route first answers with that status. */
const serializeOnFirstUse: SerializerFactory = (externalSchemas, options) => {
  const compile = SerializerSelector()(externalSchemas, options);
  return (route) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => (serialize ??= compile(route))(data);
  };
};

/** A validator that compiles itself when first called; Fastify reads `errors` from the function it was given. */
function compileOnFirstUse(compile: () => ValidateFunction): (data: unknown) => boolean {
  let validate: ValidateFunction | undefined;
  const check = Object.assign(
    (data: unknown): boolean => {
      validate ??= compile();
      const valid = validate(data);
      check.errors = validate.errors;
      return valid;
    },
    { errors: null as ValidateFunction['errors'] },
  );
  return check;
}

/**
 * Request logs carry the URL with link tokens redacted (lib/redact-tokens.ts), and the client
 * address Fastify resolved under TRUST_PROXY rather than the raw socket.
 */
function loggerOptions(level: string, stream: Writable | undefined) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      // Errors without the row values PostgreSQL puts in `detail` (lib/log-errors.ts).
      err: serializeError,
      req(request: { method: string; url: string; ip?: string; host?: string; socket?: { remotePort?: number | undefined } }) {
        const { host, ip: remoteAddress } = request;
        const remotePort = request.socket?.remotePort;
        // Absent values are left out, as JSON would drop them (Fastify's type allows no `undefined` here).
        return {
          method: request.method,
          url: redactTokensInUrl(request.url),
          ...(host === undefined ? {} : { host }),
          ...(remoteAddress === undefined ? {} : { remoteAddress }),
          ...(remotePort === undefined ? {} : { remotePort }),
        };
      },
    },
  };
}

/**
 * Headers for every response (helmet, lib/security-headers.ts). The built web app loads only its own
 * scripts (Vite emits no inline script), so the CSP has no 'unsafe-inline' for scripts; styles
 * keep it because React `style` props and FullCalendar inject styles at run time. Signatures
 * and photos are data: and blob: images. No one may frame the app (clickjacking), no Referer
 * leaves it (patient links carry tokens), and HSTS is sent only when served over https.
 */
function securityHeaders(config: AppConfig) {
  const https = config.publicUrl.startsWith('https://');
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' as const },
    frameguard: { action: 'deny' as const },
    crossOriginEmbedderPolicy: false,
  };
}
