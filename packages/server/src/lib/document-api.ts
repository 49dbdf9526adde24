import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { ERROR_STATUS, ErrorOut, type ErrorCode } from '@myomap/contract/common/error.schemas';
import { FHIR_MEDIA_TYPE, OperationOutcomeOut } from '@myomap/contract/fhir/fhir.schemas';
import { PERMISSIONS } from '@myomap/domain/access/permissions';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteAccess } from './route-access.ts';
import { PORTAL_COOKIE } from './portal-session.ts';
import { SESSION_COOKIE } from './staff-session.ts';

/**
 * The OpenAPI document (GET /api/openapi.json) and its reading room (GET /api/docs).
 * Route files write each operation's stable name, summary, tags and success responses; one
 * onRoute hook adds what follows from the route's declarations, so the document cannot drift
 * from the checks: `security` from `config.access` (the same value route-access.ts enforces),
 * and the error responses from the access kind, the schema parts and the rate limit.
 */

/** How a caller proves who they are; `security` on each operation names one of these. */
export const SECURITY_SCHEMES = {
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The staff session cookie set by `signIn` (and `verifyTwoFactorSignIn` when two-factor sign-in is on). HttpOnly; browsers send it.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: "The session's CSRF token (returned by `signIn` and `getCurrentUser`), required with the cookie on POST, PUT, PATCH and DELETE.",
  },
  patientLinkToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description:
      "The unguessable token in a patient's link (manage booking, intake). Links to waitlist offers, aftercare and measures carry it in the path instead.",
  },
  portalSession: {
    type: 'apiKey',
    in: 'cookie',
    name: PORTAL_COOKIE,
    description:
      "The patient portal's session cookie, set by `signInToPortalByLink` or `signInToPortalByCode`; apart from the staff session. Writes also need its CSRF token in `x-csrf-token`.",
  },
  calendarFeedToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: "A practitioner's private calendar-feed token, in the feed address their calendar app subscribes to.",
  },
} as const;

export type SecurityScheme = keyof typeof SECURITY_SCHEMES;
type SecurityRequirement = Partial<Record<SecurityScheme, []>>;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The security requirement of one route, from its declared access: staff routes need the
 * session cookie (and the CSRF header for writes); token routes need their token. A token in
 * the path is part of the address, which OpenAPI 3.0 cannot name as a scheme, so those routes
 * say so in their description and list no scheme.
 */
export function securityFor(access: RouteAccess | undefined, method: string, tokenInQuery: boolean): SecurityRequirement[] {
  const write = UNSAFE_METHODS.has(method);
  switch (access?.kind) {
    case 'staff':
    case 'sign_in_step':
      return [write ? { staffSession: [], csrfToken: [] } : { staffSession: [] }];
    case 'patient_token':
      return tokenInQuery ? [{ patientLinkToken: [] }] : [];
    case 'calendar_token':
      return [{ calendarFeedToken: [] }];
    case 'portal':
      return [write ? { portalSession: [], csrfToken: [] } : { portalSession: [] }];
    case 'account_link':
    case 'public':
    case undefined:
      return [];
  }
}

/** What the caller must hold, in words, for the operation's description. */
function describeAccess(access: RouteAccess | undefined, tokenInQuery: boolean): string {
  switch (access?.kind) {
    case 'staff':
      return `Staff only: needs the \`${access.action}\` permission (roles: ${PERMISSIONS[access.action].join(', ')}).`;
    case 'sign_in_step':
      return 'Needs a staff session at any sign-in stage (password given, two-factor code or enrolment pending, or signed in).';
    case 'patient_token':
      return tokenInQuery
        ? "Reached through a patient's link: the `token` query parameter."
        : "Reached through a patient's link: the token in the path is the credential.";
    case 'calendar_token':
      return "Reached through the practitioner's private feed address: the `token` query parameter.";
    case 'account_link':
      return 'Reached through a one-time staff account link: the token in the path is the credential.';
    case 'portal':
      return `Patient portal: needs a portal session (\`${access.action}\`, role: patient); reads and changes only the signed-in patient's own records.`;
    case 'public':
    case undefined:
      return 'Public: no sign-in.';
  }
}

const ERROR_TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in, or the credentials are wrong',
  403: 'Signed in, but not allowed',
  404: 'Not found, or the link is not valid',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  415: 'The body is not in a media type the route takes',
  422: 'Understood, but a rule refuses it',
  429: 'Too many requests; try again shortly',
  500: 'Something went wrong on the server',
  503: 'Not ready to serve yet',
};

/** The error codes a route can send because of how it is reached and what it takes. */
export function derivedErrorCodes(route: Pick<RouteOptions, 'method' | 'url' | 'config' | 'schema'>, method: string): ErrorCode[] {
  const access = route.config?.access;
  const schema = route.schema ?? {};
  const codes: ErrorCode[] = ['invalid_url', 'internal_error'];
  if (schema.body || schema.querystring || schema.params || schema.headers) codes.push('validation_failed');
  if (access?.kind === 'staff' || access?.kind === 'sign_in_step' || access?.kind === 'portal') codes.push('unauthenticated');
  if (access?.kind === 'portal') codes.push('forbidden');
  if (access?.kind === 'portal' && UNSAFE_METHODS.has(method)) codes.push('csrf_failed');
  // A staff route refuses a session whose two-factor enrolment is still pending (staff-session.ts).
  if (access?.kind === 'staff') codes.push('forbidden', 'two_factor_enrolment_required');
  if ((access?.kind === 'staff' || access?.kind === 'sign_in_step') && UNSAFE_METHODS.has(method)) codes.push('csrf_failed');
  // A wrong patient or feed token reads as "no such thing" (not_found); account links say link_invalid.
  if (access?.kind === 'account_link') codes.push('link_invalid');
  else if (route.url.includes(':') || access?.kind === 'patient_token' || access?.kind === 'calendar_token') codes.push('not_found');
  if (UNSAFE_METHODS.has(method)) codes.push('invalid_json', 'payload_too_large', 'unsupported_media_type');
  if (route.config && 'rateLimit' in route.config && route.config.rateLimit) codes.push('rate_limited');
  if (route.config?.multipart) codes.push('invalid_multipart');
  return codes;
}

const ERROR_CONTENT = { 'application/json': { schema: { $ref: 'ErrorOut#' } } };
/** The FHIR API's errors: the same codes, as an OperationOutcome (its issue's details.coding carries the code). */
const FHIR_ERROR_CONTENT = { [FHIR_MEDIA_TYPE]: { schema: { $ref: 'OperationOutcome#' } } };

/** Error responses by status, each naming the codes it carries, all in the one ErrorOut shape (OperationOutcome for FHIR routes). */
export function errorResponses(codes: readonly ErrorCode[], fhir = false): Record<string, unknown> {
  const content = fhir ? FHIR_ERROR_CONTENT : ERROR_CONTENT;
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...new Set([...(byStatus.get(ERROR_STATUS[code]) ?? []), code])]);
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const description = `${ERROR_TITLES[status] ?? 'Error'} (\`error.code\`: ${list.map((c) => `\`${c}\``).join(', ')}).`;
    responses[String(status)] = { description, content };
  }
  return responses;
}

const SUCCESS_TITLES: Record<string, string> = { 200: 'OK', 201: 'Created', 204: 'Done; no body', 304: 'Not modified: the ETag still matches' };

/** Success responses keep their schema; those without a description get their status's title. */
function describeSuccess(responses: Record<string, unknown> | undefined): Record<string, unknown> {
  const described: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(responses ?? {})) {
    const bare = typeof schema === 'object' && schema !== null && !('description' in schema) && !('$id' in schema);
    described[status] = bare && SUCCESS_TITLES[status] ? { ...schema, description: SUCCESS_TITLES[status] } : schema;
  }
  return described;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Error codes the route's own rules can send (409s, 422s …), beyond those derived from its access and schema. */
    errors?: readonly ErrorCode[];
    /** A FHIR API route (routes/fhir): its errors are OperationOutcomes in application/fhir+json. */
    fhir?: boolean;
  }
}

/** Fills one route's security, description and error responses from its declarations. */
function documentRoute(route: RouteOptions): void {
  if (!route.schema || route.schema.hide || !route.url.startsWith('/api/')) return;
  const method = [route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
  const access = route.config?.access;
  const query = route.schema.querystring as { properties?: Record<string, unknown> } | undefined;
  const tokenInQuery = query?.properties?.token !== undefined;
  const codes = [...derivedErrorCodes(route, method), ...(route.config?.errors ?? [])];
  route.schema = {
    ...route.schema,
    security: securityFor(access, method, tokenInQuery),
    description: [route.schema.description, describeAccess(access, tokenInQuery)].filter(Boolean).join('\n\n'),
    response: {
      ...errorResponses(codes, route.config?.fhir === true),
      // Any other code in the error table (shared/api/contract.md) arrives in the same shape.
      '4xx': { description: 'Any other error in the error table; `error.code` says which.', content: route.config?.fhir ? FHIR_ERROR_CONTENT : ERROR_CONTENT },
      ...describeSuccess(route.schema.response as Record<string, unknown> | undefined),
    },
  };
}

const UPLOAD_FORM = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', format: 'binary', description: 'the file, as a multipart/form-data part' } },
};

/** Registers the OpenAPI generator and the hook that documents every route added after it. */
export async function registerApiDocument(app: FastifyInstance): Promise<void> {
  app.addSchema(ErrorOut);
  app.addSchema(OperationOutcomeOut);
  await app.register(fastifySwagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema 2020-12, as TypeBox writes them (a numeric exclusiveMinimum is invalid in 3.0).
      openapi: '3.1.0',
      info: {
        title: 'Myomap API',
        version: '1.0.0',
        description: 'Practice system for neuromuscular therapy clinics. Errors: `{ error: { code, message, details? } }`.',
      },
      components: { securitySchemes: SECURITY_SCHEMES as never },
    },
    // An upload is parsed by its handler (lib/multipart-guard.ts), not by a body schema; the
    // document still shows the form it takes. This changes the document only, not validation.
    transform: ({ schema, url, route }) => ({
      url,
      schema: route.config?.multipart ? { ...schema, consumes: ['multipart/form-data'], body: UPLOAD_FORM } : schema,
    }),
    // Shared schemas keep their own names in components.schemas (ErrorOut, not def-0).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  app.addHook('onRoute', documentRoute);
}

/**
 * The docs page (@fastify/swagger-ui), under the app's CSP: it loads only its own scripts.
 * Registered before the route-access hook, as it is no API operation of the clinic's.
 */
export async function registerDocsPage(app: FastifyInstance): Promise<void> {
  // Public, like the repository that holds the same schemas: reading the API's shape gives no
  // access, every operation still checks its own credentials. Only GETs can be tried from the
  // page, so nobody changes a live clinic's records from the docs.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { supportedSubmitMethods: ['get'], deepLinking: true, displayOperationId: true, docExpansion: 'none' },
  });
}
