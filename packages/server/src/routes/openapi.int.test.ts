import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../lib/route-access.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { validateOpenApiDocument } from '../test-support/validate-openapi-document.ts';

/**
 * The OpenAPI document (lib/document-api.ts) is valid by the specification's own schema, names
 * every operation, says how each is reached (from the access the route enforces) and lists
 * every status a route sends. A route added without its operationId or summary fails here by name.
 */
interface Route {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  tokenInQuery: boolean;
}

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// camelCase and verb-first: getAvailability, createBooking, downloadOutcomeReportCsv.
const OPERATION_ID =
  /^(get|list|search|find|create|add|update|save|replace|delete|cancel|reschedule|join|accept|decline|sign|verify|change|start|enable|disable|regenerate|use|invite|deactivate|reactivate|reset|release|keep|upload|submit|open|approve|cosign|book|answer|mark|preview|merge|record|discharge|download|request|rotate|check|export|import|send|set|remove|issue|refresh|revoke|confirm|restore|probe|withdraw)[A-Z][A-Za-z0-9]*$/;

describe('the OpenAPI document', () => {
  let test: TestApp;
  const routes: Route[] = [];
  let document: { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { in: string; name: string }> } };
  const operation = (route: Route) => document.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
  const name = (route: Route) => `${route.method} ${route.url}`;

  beforeAll(async () => {
    test = await createTestApp('pglite', {
      onRoute: (route: RouteOptions) => {
        const schema = route.schema as { hide?: boolean; querystring?: { properties?: Record<string, unknown> } } | undefined;
        if (!route.url.startsWith('/api/') || schema?.hide) return;
        for (const method of [route.method].flat().filter((m) => m !== 'HEAD')) {
          routes.push({ method, url: route.url, access: route.config?.access, tokenInQuery: schema?.querystring?.properties?.token !== undefined });
        }
      },
    });
    await test.app.ready();
    document = test.app.swagger() as typeof document;
    // A migration and the demo seed on a shared, busy machine: a budget, not a timing claim.
  }, 180_000);
  afterAll(() => test.close());

  it('is valid by the OpenAPI 3 schema, and every reference resolves', async () => {
    expect(await validateOpenApiDocument(document)).toEqual([]);
  });

  it('names every operation with a unique, verb-first camelCase id, a summary and a tag', () => {
    expect(routes.length).toBeGreaterThan(100);
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const route of routes) {
      const op = operation(route);
      if (!op) problems.push(`${name(route)}: not in the document`);
      else if (!op.operationId || !OPERATION_ID.test(op.operationId))
        problems.push(`${name(route)}: operationId "${op.operationId ?? ''}" is not verb-first camelCase`);
      else if (seen.has(op.operationId)) problems.push(`${name(route)}: operationId "${op.operationId}" is also ${seen.get(op.operationId)}`);
      else seen.set(op.operationId, name(route));
      if (op && !op.summary) problems.push(`${name(route)}: no summary`);
      if (op && !op.tags?.length) problems.push(`${name(route)}: no tags`);
    }
    expect(problems).toEqual([]);
  });

  it('asks each operation for the credential its route checks', () => {
    const schemes = document.components.securitySchemes;
    expect(schemes.staffSession).toMatchObject({ in: 'cookie', name: 'myomap_session' });
    expect(schemes.csrfToken).toMatchObject({ in: 'header', name: 'x-csrf-token' });
    const wrong: string[] = [];
    for (const route of routes) {
      const security = operation(route)?.security;
      const kind = route.access?.kind;
      const expected =
        kind === 'staff' || kind === 'sign_in_step'
          ? [UNSAFE.has(route.method) ? { staffSession: [], csrfToken: [] } : { staffSession: [] }]
          : kind === 'calendar_token'
            ? [{ calendarFeedToken: [] }]
            : kind === 'portal'
              ? [UNSAFE.has(route.method) ? { portalSession: [], csrfToken: [] } : { portalSession: [] }]
              : kind === 'patient_token' && route.tokenInQuery
                ? [{ patientLinkToken: [] }]
                : [];
      if (JSON.stringify(security) !== JSON.stringify(expected)) wrong.push(`${name(route)} (${kind ?? 'no access'}): ${JSON.stringify(security)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents success and the errors each route can send, every error in the ErrorOut shape (OperationOutcome for FHIR)', () => {
    const missing: string[] = [];
    for (const route of routes) {
      const responses = operation(route)?.responses ?? {};
      const codes = Object.keys(responses);
      const needed = ['400', '500'];
      if (route.access?.kind === 'staff' || route.access?.kind === 'portal') needed.push('401', '403');
      if (route.url.includes(':')) needed.push('404');
      if (UNSAFE.has(route.method)) needed.push('413', '415');
      if (!codes.some((c) => /^2/.test(c))) missing.push(`${name(route)}: no success response`);
      for (const code of needed.filter((c) => !codes.includes(c))) missing.push(`${name(route)}: ${code} undocumented`);
      // The FHIR API sends the same error codes as FHIR OperationOutcomes, in its own media type.
      const [mediaType, shape] = route.url.startsWith('/api/fhir/') ? ['application/fhir+json', 'OperationOutcome'] : ['application/json', 'ErrorOut'];
      for (const code of codes.filter((c) => /^[45]/.test(c))) {
        const error = responses[code];
        if (error?.content?.[mediaType]?.schema?.$ref !== `#/components/schemas/${shape}`) missing.push(`${name(route)}: ${code} is not ${shape}`);
        if (!error?.description || error.description === 'Default Response') missing.push(`${name(route)}: ${code} has no description`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the status every route sends to a caller with no credentials and no body', async () => {
    const undocumented: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:([A-Za-z]+)/g, 'nope');
      const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const sent = await test.app.inject({ method, url, ...(UNSAFE.has(method) ? { payload: {} } : {}) });
      if (!Object.keys(operation(route)?.responses ?? {}).includes(String(sent.statusCode))) undocumented.push(`${name(route)} sent ${sent.statusCode}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('serves the docs page under the app CSP, which allows only its own scripts', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    const spec = await test.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.json<{ paths: object }>().paths).toEqual(document.paths);
  });
});
