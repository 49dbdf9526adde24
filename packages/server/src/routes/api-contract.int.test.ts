import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';

/**
 * One API contract: every route declares what it sends (the schemas live in @myomap/contract,
 * where the web app takes its types from), the OpenAPI document lists every response including
 * errors, and what a route actually sends validates against what it declares.
 */
interface Route {
  method: string;
  url: string;
  response: Record<string, unknown> | undefined;
  hide: boolean;
}

const SUCCESS = /^(2\d\d|2xx|3\d\d)$/i;

describe('the API contract', () => {
  let test: TestApp;
  const routes: Route[] = [];

  beforeAll(async () => {
    test = await createTestApp('pglite', {
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat()) {
          if (method === 'HEAD' || !route.url.startsWith('/api/')) continue;
          const schema = route.schema as { response?: Record<string, unknown>; hide?: boolean } | undefined;
          routes.push({ method, url: route.url, response: schema?.response, hide: schema?.hide === true });
        }
      },
    });
  });
  afterAll(() => test.close());

  it('gives every route a success response schema', () => {
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes.filter((r) => !r.hide && !Object.keys(r.response ?? {}).some((status) => SUCCESS.test(status)));
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('documents every response, errors included, in the OpenAPI document', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<{ paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> }>();
    const undocumented: string[] = [];
    for (const route of routes.filter((r) => !r.hide)) {
      const path = route.url.replace(/^\/api/, '/api').replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      const codes = Object.keys(operation?.responses ?? {});
      if (!codes.some((c) => SUCCESS.test(c)) || !codes.some((c) => /^4/.test(c))) undocumented.push(`${route.method} ${route.url}: ${codes.join(',')}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('sends what it declares on every GET route without parameters, signed in as the admin', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const headers = await signIn(test.app, 'admin@demo.myomap.app');
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => r.method === 'GET' && !r.hide && !r.url.includes(':') && r.response)) {
      const sent = await test.app.inject({ method: 'GET', url: route.url, headers });
      const schema = route.response?.[String(sent.statusCode)] ?? (sent.statusCode < 400 ? route.response?.['2xx'] : route.response?.['4xx']);
      if (!schema || !sent.headers['content-type']?.toString().includes('json')) continue;
      checked += 1;
      if (!ajv.validate(schema, sent.json())) mismatches.push(`${route.url} ${sent.statusCode}: ${ajv.errorsText()}`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(mismatches).toEqual([]);
  });
});
