import type { RouteOptions } from 'fastify';
import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../build-app.ts';
import type { AppContext } from '../app-context.ts';
import { loadConfig } from '../config/load-config.ts';
import type { Database } from '../database/database.ts';
import { migrate } from '../database/migrate.ts';
import { seedDemoClinic } from '../database/seed-demo-clinic.ts';
import { ManualClock } from '../lib/clock.ts';
import { createMailer } from '../lib/mailer.ts';
import { DEFAULT_TEST_NOW, signIn } from '../test-support/test-app.ts';
import { databaseTargets, openTestDatabase, type TestDatabase } from '../test-support/test-database.ts';

/**
 * Bad input never reaches a 5xx and a rejected request writes nothing. Every route the app
 * registers (collected with an onRoute hook, so a new route is fuzzed without anyone listing
 * it) gets generated requests: a body built from its own schema and then broken in one place
 * (NUL, lone surrogates, blank text, wrong types, huge numbers, deep nesting, unknown fields),
 * invalid JSON, bad multipart, and bad path, query and header values; anonymously and signed in.
 * The PRNG is seeded, so a failure replays exactly.
 */
const REQUESTS_PER_TARGET = 2500;
const SEED = 0x5eed_0010;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

interface FuzzRoute {
  method: string;
  url: string;
  schema: { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema; headers?: JsonSchema };
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

// Strings that satisfy the app's patterns, tried in order against each pattern.
const PATTERN_SAMPLES = [
  '2026-12-07',
  '2026-12-07T09:00:00+04:00',
  '2026-12-07T05:00:00Z',
  '09:00',
  '10:30',
  'en',
  'front',
  '+971 50 000 0000',
  '#2f6f6a',
  'left_shoulder',
  '1',
  'svc-nmt-follow-60',
  'prac-amira',
  `data:image/png;base64,${'iVBORw0KGgo'.repeat(12)}`,
  'abc',
];
const FREE_TEXT = ['Rana Aziz', 'Neck pain after long drives', 'x', 'عمر خليل', 'ok'];

/** Strings that have broken the server: each must come back as a 4xx. */
const BAD_STRINGS = [
  'a\u0000b',
  '\u0000',
  'Rana\u0000Aziz',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '   ',
  '\t\n ',
  '',
  '\u200b',
  '\u202eevil',
  "' or 1=1 --",
  'x'.repeat(5000),
  '%00',
  '../../etc/passwd',
  '2026-02-30',
  '2026-13-01T25:61:00+04:00',
  ' ',
  '\u00a0\u3000',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  'NaN',
  '-1',
  '1e309',
];
const BAD_VALUES: unknown[] = [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, true, false, null, [], {}, [null], ['x'], { '': 1 }, 'x', '', { __proto__: { x: 1 } }];

function deepNesting(depth: number, asArray: boolean): string {
  return asArray ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function sampleFor(schema: JsonSchema, rng: Rng, ids: string[], depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rng.pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) return sampleFor(rng.pick(union), rng, ids, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleFor(s, rng, ids, depth)));
  const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || rng.next() < 0.6) out[key] = sampleFor(sub, rng, ids, depth + 1);
      }
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (depth > 6) break;
        const key = PATTERN_SAMPLES.find((s) => new RegExp(pattern, 'u').test(s)) ?? 'k';
        out[key] = sampleFor(sub, rng, ids, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (!schema.items || depth > 6) return [];
      const n = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, rng.int(3)));
      return Array.from({ length: n }, () => sampleFor(schema.items as JsonSchema, rng, ids, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? min + 10;
      const value = min + rng.next() * (max - min);
      return type === 'integer' ? Math.round(value) : value;
    }
    case 'boolean':
      return rng.next() < 0.5;
    case 'null':
      return null;
    case 'string': {
      if (schema.format === 'email') return `fuzz${rng.int(1e6)}@example.com`;
      if (schema.format === 'date') return '2026-12-07';
      if (schema.format === 'date-time') return '2026-12-07T09:00:00+04:00';
      if (schema.pattern) return PATTERN_SAMPLES.find((s) => new RegExp(schema.pattern as string, 'u').test(s)) ?? 'x';
      let text = rng.next() < 0.3 && ids.length > 0 ? rng.pick(ids) : rng.pick(FREE_TEXT);
      while (text.length < (schema.minLength ?? 0)) text += 'x';
      return text.slice(0, schema.maxLength ?? text.length);
    }
    default:
      return rng.pick(['x', 1, true, null, {}]);
  }
}

/** Paths to every leaf and object in a value, for breaking it in one place. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return root;
}

function breakValue(valid: unknown, rng: Rng): unknown {
  const copy: unknown = structuredClone(valid);
  const targets = paths(copy);
  const path = rng.pick(targets);
  let at: unknown = copy;
  for (const key of path) at = (at as Record<string | number, unknown>)[key];
  const roll = rng.next();
  if (typeof at === 'string' && roll < 0.7) {
    const bad = rng.pick(BAD_STRINGS);
    // Half the time embed the bad text in the otherwise valid value.
    return setAt(copy, path, rng.next() < 0.5 ? at + bad : bad);
  }
  if (at && typeof at === 'object' && !Array.isArray(at) && roll < 0.5) {
    const keys = Object.keys(at);
    if (keys.length > 0 && rng.next() < 0.5) delete (at as Record<string, unknown>)[rng.pick(keys)];
    else (at as Record<string, unknown>)[rng.pick(['unknownField', '__proto__', 'constructor', 'id', '\u0000'])] = rng.pick(BAD_VALUES);
    return copy;
  }
  if (roll < 0.85) return setAt(copy, path, rng.pick(BAD_VALUES));
  return setAt(copy, path, rng.pick(BAD_STRINGS));
}

/** Percent-encodes any string, including lone surrogates (as their WTF-8 bytes), which encodeURIComponent refuses. */
function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function toQuery(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `q=${encode(String(value))}`;
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => `${encode(k)}=${encode(typeof item === 'string' ? item : JSON.stringify(item))}`))
    .join('&');
}

const MULTIPART_BOUNDARY = 'fuzzboundary';
const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function multipartBodies(): { contentType: string; payload: Buffer | string }[] {
  const part = (headers: string, body: Buffer | string) =>
    Buffer.concat([Buffer.from(`--${MULTIPART_BOUNDARY}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const end = Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`);
  const file = (name: string, type: string) => `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}`;
  const type = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`;
  return [
    { contentType: type, payload: Buffer.concat([part(file('a.png', 'image/png'), PNG_HEADER), end]) },
    { contentType: type, payload: part(file('a.png', 'image/png'), PNG_HEADER) }, // no closing boundary
    { contentType: type, payload: 'garbage without any boundary' },
    { contentType: type, payload: `--${MULTIPART_BOUNDARY}\r\nno blank line after headers` },
    { contentType: type, payload: Buffer.concat([part('Content-Disposition: form-data', 'x'), end]) }, // no field name
    { contentType: type, payload: Buffer.concat([part(file('a\u0000.png', 'image/png'), PNG_HEADER), end]) },
    {
      contentType: type,
      payload: Buffer.concat([part('Content-Disposition: form-data; name="view"', 'a\u0000'), part(file('a.png', 'image/png'), PNG_HEADER), end]),
    },
    { contentType: type, payload: Buffer.concat([part(file('a.png', 'image/png'), PNG_HEADER), part(file('b.png', 'image/png'), PNG_HEADER), end]) },
    { contentType: 'multipart/form-data', payload: Buffer.concat([part(file('a.png', 'image/png'), PNG_HEADER), end]) }, // no boundary parameter
    { contentType: 'multipart/form-data; boundary=', payload: '--\r\n' },
    { contentType: `multipart/form-data; boundary="${'b'.repeat(300)}"`, payload: '--x' },
    { contentType: type, payload: '' },
  ];
}

/** Tables a rejected request may legitimately touch: failed sign-ins are counted on purpose. */
const WRITE_EXEMPT = new Set(['login_attempts', 'login_throttle']);

async function snapshot(db: Database, tables: string[]): Promise<string> {
  // A count and a hash of every row's text catch inserts, deletes and updates alike.
  const parts = tables.map((t) => `(select count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text from "${t}" x)`);
  const [row] = await db.query<{ s: string }>(`select concat_ws('|', ${parts.join(', ')}) as s`);
  return row?.s ?? '';
}

describe.each(databaseTargets)('fuzzing every route (%s)', (target) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const routes: FuzzRoute[] = [];
  const ids: string[] = [];
  let identities: { name: string; headers: Record<string, string> }[];

  beforeAll(async () => {
    database = await openTestDatabase(target);
    await migrate(database.db);
    await seedDemoClinic(database.db);
    const config = {
      ...loadConfig({ PUBLIC_URL: 'http://myomap.test', OUTBOX_INTERVAL_MS: '0' }),
      // Let the bad requests reach the schema; the limiter has its own tests.
      bookingRateLimitPerMinute: 1_000_000,
    };
    const ctx: AppContext = {
      config,
      db: database.db,
      clock: new ManualClock(new Date(DEFAULT_TEST_NOW)),
      mailer: createMailer(undefined, 'test@myomap.test'),
    };
    app = await buildApp(ctx, {
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat()) {
          if (method === 'HEAD' || !route.url.startsWith('/api/')) continue;
          routes.push({ method, url: route.url, schema: (route.schema ?? {}) as FuzzRoute['schema'] });
        }
      },
    });
    const admin = await signIn(app, 'admin@demo.myomap.app');
    const reception = await signIn(app, 'reception@demo.myomap.app');
    const therapist = await signIn(app, 'amira@demo.myomap.app');
    const physician = await signIn(app, 'dr.yousef@demo.myomap.app');
    identities = [
      { name: 'anonymous', headers: {} },
      { name: 'admin', headers: admin },
      { name: 'reception', headers: reception },
      { name: 'therapist', headers: therapist },
      { name: 'physician', headers: physician },
    ];
    // Real ids, so broken bodies get past "not found" to the code that writes.
    const patient = await app.inject({
      method: 'POST',
      url: '/api/staff/patients',
      headers: reception,
      payload: { name: 'Fuzz Patient', email: 'fuzz@example.com' },
    });
    const assessment = await app.inject({ method: 'POST', url: `/api/staff/patients/${patient.json().id}/assessments`, headers: therapist });
    ids.push(patient.json().id, assessment.json().id, 'prac-amira', 'svc-nmt-follow-60', 'room-1', 'user-admin');
    // Five argon2 sign-ins and a migration on a shared, busy machine: a budget, not a timing claim.
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it(`answers ${REQUESTS_PER_TARGET} bad requests over every route with a 4xx and no write`, async () => {
    expect(routes.length).toBeGreaterThan(50);
    const tables = (await database.db.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' order by tablename`))
      .map((r) => r.tablename)
      .filter((t) => !WRITE_EXEMPT.has(t));
    const rng = prng(SEED);
    const multipart = multipartBodies();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let before = await snapshot(database.db, tables);

    // What the run has learnt per route: who gets past the role check, which ids are found.
    const learnt = new Map<FuzzRoute, { allowed: Set<string>; found: string[] }>(routes.map((r) => [r, { allowed: new Set(), found: [] }]));
    for (let n = 0; n < REQUESTS_PER_TARGET; n++) {
      const route = routes[n % routes.length] as FuzzRoute;
      const known = learnt.get(route) as { allowed: Set<string>; found: string[] };
      const identity =
        known.allowed.size > 0 && rng.next() < 0.8 ? (identities.find((i) => i.name === rng.pick([...known.allowed])) ?? identities[0]!) : rng.pick(identities);
      // Signing out would end the session the rest of the run relies on.
      if (identity.name !== 'anonymous' && route.url.includes('logout')) continue;
      const headers: Record<string, string> = { ...identity.headers };
      // Most requests break the body in one place; the rest break the path, query, headers or framing.
      const strategy = rng.pick([0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 8, 8, 9, 9]);

      // Path parameters: an id that worked before, or any id, or a bad value.
      const usedIds: string[] = [];
      let url = route.url.replace(/:(\w+)/g, () => {
        if (strategy === 0) return encode(rng.pick(BAD_STRINGS) || 'x');
        const id = known.found.length > 0 && rng.next() < 0.7 ? rng.pick(known.found) : rng.pick(ids);
        usedIds.push(id);
        return encode(id);
      });
      const query = route.schema.querystring ? sampleFor(route.schema.querystring, rng, ids) : undefined;
      const brokenQuery = strategy === 1 || (strategy === 2 && !route.schema.body) ? breakValue(query ?? {}, rng) : query;
      if (brokenQuery !== undefined) url += `?${toQuery(brokenQuery)}`;

      const request: InjectOptions = { method: route.method as Exclude<InjectOptions['method'], undefined>, url, headers };
      if (route.method !== 'GET' && route.method !== 'DELETE') {
        const valid = route.schema.body ? sampleFor(route.schema.body, rng, ids) : {};
        if (strategy === 3) {
          headers['content-type'] = 'application/json';
          request.payload = rng.pick([
            '{',
            '{"a":}',
            '[1,]',
            'nul',
            '{"a":"\\u0000"}',
            '{"a":"\\ud800"}',
            '"\\udfff"',
            deepNesting(5000, rng.next() < 0.5),
            '\u0000',
            '{"__proto__":{"x":1}}',
          ]);
        } else if (strategy === 4) {
          const body = rng.pick(multipart);
          headers['content-type'] = body.contentType;
          request.payload = body.payload;
        } else if (strategy === 5) {
          headers['content-type'] = rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml']);
          request.payload = JSON.stringify(valid);
        } else if (strategy === 6) {
          headers['idempotency-key'] = rng.pick(BAD_STRINGS) || 'k';
          request.payload = valid as Exclude<InjectOptions['payload'], undefined>;
        } else if (strategy === 9) {
          request.payload = valid as Exclude<InjectOptions['payload'], undefined>; // well formed: may succeed, must not 5xx
        } else {
          request.payload = breakValue(valid, rng) as Exclude<InjectOptions['payload'], undefined>;
        }
        // inject sends JSON for objects; primitives need it spelled out.
        if (request.payload !== undefined && !headers['content-type'] && (typeof request.payload !== 'object' || request.payload === null)) {
          headers['content-type'] = 'application/json';
          request.payload = JSON.stringify(request.payload);
        }
      }

      const response = await app.inject(request);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const label = `#${n} ${identity.name} ${route.method} ${url.slice(0, 160)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (response.statusCode >= 500) failures.push(label);
      if (response.statusCode >= 400 && response.statusCode < 500) {
        // The FHIR API (/api/fhir/R4) sends the same codes inside an OperationOutcome (issue.details.coding).
        const body = response.json<{ error?: { code?: unknown }; resourceType?: unknown; issue?: { details?: { coding?: { code?: unknown }[] } }[] }>();
        const code = body.resourceType === 'OperationOutcome' ? body.issue?.[0]?.details?.coding?.[0]?.code : body.error?.code;
        if (typeof code !== 'string') failures.push(`no error code: ${label}`);
      }
      if (response.statusCode !== 401 && response.statusCode !== 403) known.allowed.add(identity.name);
      if (response.statusCode !== 404 && usedIds.length > 0 && known.found.length < 20) known.found.push(...usedIds.filter((id) => !known.found.includes(id)));
      const after = await snapshot(database.db, tables);
      if (response.statusCode >= 400 && after !== before) failures.push(`wrote on a rejected request: ${label}`);
      before = after;
      // Harvest ids from successes, so later requests reach what earlier ones created.
      if (response.statusCode < 300 && response.headers['content-type']?.toString().includes('json')) {
        const created = response.json<Record<string, unknown>>();
        for (const key of ['id', 'reference'] as const) {
          const value = created?.[key];
          if (typeof value === 'string' && !ids.includes(value) && ids.length < 200) ids.push(value);
        }
      }
    }
    console.info(`fuzz ${target}: ${routes.length} routes, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    const serverErrors = failures.filter((f) => / → 5\d\d /.test(f));
    expect(serverErrors.slice(0, 30)).toEqual([]);
    expect(failures.slice(0, 30)).toEqual([]);
  }, 1_200_000);
});
