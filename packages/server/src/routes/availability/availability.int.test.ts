import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCompactAvailability } from '@myomap/domain/scheduling/decode-compact-availability';
import type { AvailabilityCompactOut, AvailabilityOut } from '@myomap/contract/scheduling/availability.schemas';
import { buildApp } from '../../build-app.ts';
import { LISTENER_APPLICATION_NAME, openPostgres } from '../../database/open-postgres.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

const QUERY = 'serviceId=svc-nmt-follow-60&from=2026-12-01&to=2026-12-30';

async function full(app: FastifyInstance, query = QUERY): Promise<AvailabilityOut> {
  return (await app.inject({ method: 'GET', url: `/api/availability?${query}` })).json<AvailabilityOut>();
}

function postBooking(app: FastifyInstance, slot: { start: string; practitionerId: string }, n: number) {
  return app.inject({
    method: 'POST',
    url: '/api/bookings',
    payload: {
      serviceId: 'svc-nmt-follow-60',
      practitionerId: slot.practitionerId,
      start: slot.start,
      patient: { name: `Cache ${n}`, email: `cache${n}@example.com` },
    },
  });
}

async function book(app: FastifyInstance, slot: { start: string; practitionerId: string }, n: number): Promise<number> {
  return (await postBooking(app, slot, n)).statusCode;
}

const offers = (answer: AvailabilityOut, slot: { start: string; practitionerId: string }) =>
  answer.slots.some((s) => s.start === slot.start && s.practitionerId === slot.practitionerId);

/** Notifications reach another connection asynchronously: wait (briefly) for the answer to change. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 3_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe.each(databaseTargets)('availability over HTTP on %s', (target) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp(target);
  });
  afterAll(() => test.close());

  it('sends the compact form, which decodes to exactly the documented slots', async () => {
    const documented = await full(test.app);
    const response = await test.app.inject({ method: 'GET', url: `/api/availability?${QUERY}&format=compact` });
    const compact = response.json<AvailabilityCompactOut>();
    expect(compact).toMatchObject({ format: 'compact', version: 1, timeZone: 'Asia/Dubai', durationMinutes: 60 });
    expect(documented.slots.length).toBeGreaterThan(100);
    expect(decodeCompactAvailability(compact)).toEqual(documented);
    expect(response.rawPayload.length).toBeLessThan(JSON.stringify(documented).length / 4);
  });

  it('serves br and gzip by Accept-Encoding with the same ETag, and 304 for a matching If-None-Match', async () => {
    const url = `/api/availability?${QUERY}&format=compact`;
    const plain = await test.app.inject({ method: 'GET', url });
    const br = await test.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await test.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.vary).toContain('accept-encoding');
    expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(1);
    const again = await test.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('sends helmet’s security headers on a cached answer too, and refuses impossible dates even when a real one is cached', async () => {
    const url = `/api/availability?${QUERY}&format=compact`;
    await test.app.inject({ method: 'GET', url });
    const hit = await test.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    expect(hit.statusCode).toBe(200);
    expect(hit.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    expect(hit.headers['x-frame-options']).toBe('DENY');
    expect(hit.headers['referrer-policy']).toBe('no-referrer');
    for (const dates of ['from=2026-02-30&to=2026-03-01', 'from=2026-12-30&to=2026-12-01', 'from=2026-01-01&to=2026-12-31']) {
      const refused = await test.app.inject({ method: 'GET', url: `/api/availability?serviceId=svc-nmt-follow-60&${dates}&format=compact` });
      expect(refused.statusCode).toBe(400);
      // Asked twice: a refusal is never cached as an answer.
      expect((await test.app.inject({ method: 'GET', url: `/api/availability?serviceId=svc-nmt-follow-60&${dates}&format=compact` })).statusCode).toBe(400);
    }
  });

  it('stops offering a slot on the very next request after it is booked on the same instance, and offers it again when cancelled', async () => {
    const before = await full(test.app);
    // Several rounds: on PostgreSQL a notification arrives a moment after its commit, so a cache that
    // waited for it alone would answer from before the booking in most of them.
    for (const [i, slot] of before.slots.slice(5, 10).entries()) {
      const response = await postBooking(test.app, slot, 100 + i);
      expect(response.statusCode).toBe(201);
      const { reference, manageToken } = response.json<{ reference: string; manageToken: string }>();
      // PGlite hears its own NOTIFY before the booking returns; on PostgreSQL the booking answers
      // only once this instance has heard it (schedule-version.ts).
      expect(offers(await full(test.app), slot)).toBe(false);
      const cancel = await test.app.inject({ method: 'POST', url: `/api/bookings/${reference}/cancel?token=${manageToken}` });
      expect(cancel.statusCode).toBe(200);
      expect(offers(await full(test.app), slot)).toBe(true);
    }
  });

  it('forgets the cached catalog when the schedule changes: a closed day leaves the answer and its slots are refused', async () => {
    const day = 'serviceId=svc-nmt-follow-60&from=2026-12-08&to=2026-12-08';
    const before = await full(test.app, day);
    const slot = before.slots[0] as AvailabilityOut['slots'][number];
    expect(slot).toBeDefined();
    // A booking first: it moves the schedule version but not the catalog's, which stays cached.
    expect(await book(test.app, before.slots.at(-1) as AvailabilityOut['slots'][number], 90)).toBe(201);
    const [closed] = await test.ctx.db.query<{ id: string }>(
      `insert into schedule_exceptions (practitioner_id, kind, date_from, date_to, note) values (null, 'closed', '2026-12-08', '2026-12-08', 'test') returning id`,
    );
    try {
      expect(await eventually(async () => (await full(test.app, day)).slots.length === 0, target === 'pglite' ? 0 : 3_000)).toBe(true);
      // The booking path reads the same cached catalog: it must have forgotten the open day too.
      expect(await book(test.app, slot, 91)).toBe(409);
    } finally {
      await test.ctx.db.query('delete from schedule_exceptions where id = $1', [closed?.id]);
    }
    expect(await eventually(async () => offers(await full(test.app, day), slot), target === 'pglite' ? 0 : 3_000)).toBe(true);
  });

  it('moves to the next minute: a slot inside the minimum notice leaves the answer', async () => {
    const first = (await full(test.app, 'serviceId=svc-nmt-follow-60&from=2026-11-30&to=2026-11-30')).slots[0];
    expect(first).toBeDefined();
    const saved = test.ctx.clock.now();
    // Half a minute after the first slot's last bookable moment: the same cache key but a later minute.
    const { minNoticeMinutes } = await loadClinic(test.ctx.db);
    test.clock.set(new Date(Date.parse(first?.start ?? '') - minNoticeMinutes * 60_000 + 30_000));
    const later = await full(test.app, 'serviceId=svc-nmt-follow-60&from=2026-11-30&to=2026-11-30');
    expect(later.slots.some((s) => s.start === first?.start)).toBe(false);
    test.clock.set(saved);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('availability cached by two instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: FastifyInstance;
  let closeB: () => Promise<void>;
  beforeAll(async () => {
    a = await createTestApp('postgres');
    const db = await openPostgres(a.database.url ?? '', 4);
    b = await buildApp({ ...a.ctx, db });
    closeB = async () => {
      await b.close();
      await db.close();
    };
  });
  afterAll(async () => {
    await closeB();
    await a.close();
  });

  it('a booking on instance A leaves instance B’s cached answer', async () => {
    const cached = await full(b);
    const slot = cached.slots[3] as AvailabilityOut['slots'][number];
    expect(await full(b)).toEqual(cached);
    expect(await book(a.app, slot, 1)).toBe(201);
    expect(await eventually(async () => !offers(await full(b), slot))).toBe(true);
  });

  it('a schedule change on A reaches B’s cached catalog: B stops offering and refuses a day A closed', async () => {
    const day = 'serviceId=svc-nmt-follow-60&from=2026-12-09&to=2026-12-09';
    const slot = (await full(b, day)).slots[0] as AvailabilityOut['slots'][number];
    expect(slot).toBeDefined();
    const [closed] = await a.ctx.db.query<{ id: string }>(
      `insert into schedule_exceptions (practitioner_id, kind, date_from, date_to, note) values (null, 'closed', '2026-12-09', '2026-12-09', 'test') returning id`,
    );
    try {
      expect(await eventually(async () => (await full(b, day)).slots.length === 0)).toBe(true);
      expect(await book(b, slot, 92)).toBe(409);
    } finally {
      await a.ctx.db.query('delete from schedule_exceptions where id = $1', [closed?.id]);
    }
  });

  it('computes every answer while B’s listening connection is down, and caches again once it is back', async () => {
    const slots = (await full(b)).slots;
    // Both instances' listening connections (A's and B's) go.
    const ended = await a.ctx.db.query<{ ok: boolean }>(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and application_name = $1`,
      [LISTENER_APPLICATION_NAME],
    );
    expect(ended).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await book(a.app, slots[0] as AvailabilityOut['slots'][number], 2)).toBe(201);
    expect(offers(await full(b), slots[0] as AvailabilityOut['slots'][number])).toBe(false);
    // Reconnected (100 ms later): changes are heard again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await book(a.app, slots[1] as AvailabilityOut['slots'][number], 3)).toBe(201);
    expect(await eventually(async () => !offers(await full(b), slots[1] as AvailabilityOut['slots'][number]))).toBe(true);
  });
});
