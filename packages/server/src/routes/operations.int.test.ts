import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../lib/metrics.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

// Operations (README, "Production"): liveness, readiness, Prometheus metrics, and logs that carry
// neither tokens nor the patient's details.
const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';
const TOKEN = 'metrics-token-for-the-test-scraper';
const patient = { name: 'Mariam Haddad', email: 'mariam.haddad@example.com', phone: '+971 50 765 4321' };

describe.each(databaseTargets)('operations endpoints on %s', (target) => {
  let t: TestApp;
  const logLines: string[] = [];
  let manageToken = '';

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    t = await createTestApp(target, { logStream, config: { metrics: { port: undefined, host: '127.0.0.1', token: TOKEN } } });
    const slots = (
      await t.app.inject({ method: 'GET', url: `/api/availability?serviceId=${FOLLOW_UP}&practitionerId=${AMIRA}&from=2026-12-01&to=2026-12-01` })
    ).json<{ slots: { start: string }[] }>().slots;
    const body = { serviceId: FOLLOW_UP, practitionerId: AMIRA, start: slots[0]?.start, patient };
    const booked = await t.app.inject({ method: 'POST', url: '/api/bookings', payload: body });
    expect(booked.statusCode).toBe(201);
    manageToken = booked.json<{ manageToken: string }>().manageToken;
    // The same slot again: refused, with the patient's details in the request body.
    const refused = await t.app.inject({ method: 'POST', url: '/api/bookings', payload: { ...body, patient: { ...patient, email: 'other@example.com' } } });
    expect(refused.statusCode).toBe(409);
    // A malformed booking that echoes the patient's details back as a validation failure.
    const invalid = await t.app.inject({ method: 'POST', url: '/api/bookings', payload: { ...body, start: patient.phone } });
    expect(invalid.statusCode).toBe(400);
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  const scrape = (authorization?: string) => t.app.inject({ method: 'GET', url: '/metrics', headers: authorization === undefined ? {} : { authorization } });

  it('answers liveness without the database and readiness with it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', database: target });
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: target });
  });

  it('is not ready while a migration is pending', async () => {
    const [last] = await t.ctx.db.query<{ name: string }>('select name from schema_migrations order by name desc limit 1');
    await t.ctx.db.query('delete from schema_migrations where name = $1', [last?.name]);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'not_ready', details: [{ problem: `migrations_pending: ${last?.name}` }] } });
    } finally {
      await t.ctx.db.query('insert into schema_migrations (name) values ($1)', [last?.name]);
    }
  });

  it('serves metrics only to the bearer of the metrics token', async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape(`Bearer ${TOKEN.slice(0, -1)}x`)).statusCode).toBe(401);
    expect((await scrape(TOKEN)).statusCode).toBe(401);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
  });

  it('counts request latency by route pattern, booking outcomes and the outbox backlog', async () => {
    await t.app.inject({ method: 'GET', url: `/api/bookings/NOPE?token=${encodeURIComponent(manageToken)}` });
    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(text).toMatch(/myomap_http_request_duration_seconds_count\{route="\/api\/bookings",method="POST",status_class="2xx"\} 1\n/);
    expect(text).toMatch(/myomap_http_request_duration_seconds_count\{route="\/api\/bookings\/:reference",method="GET",status_class="4xx"\} 1\n/);
    expect(text).toMatch(/myomap_booking_outcomes_total\{channel="online",outcome="booked",reason=""\} 1\n/);
    expect(text).toMatch(/myomap_booking_outcomes_total\{channel="online",outcome="refused",reason="slot_unavailable"\} 1\n/);
    expect(text).toMatch(/myomap_booking_outcomes_total\{channel="online",outcome="refused",reason="validation_failed"\} 1\n/);
    // The confirmation email is due and unsent (the test app runs no outbox worker).
    const backlog = Number(/^myomap_outbox_backlog (\d+)$/m.exec(text)?.[1]);
    expect(backlog).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^myomap_outbox_oldest_age_seconds \d/m);
    expect(text).toContain('process_cpu_user_seconds_total');
    // Labels are patterns: no raw URL, so no token and no reference.
    expect(text).not.toContain(manageToken);
    expect(text).not.toContain('NOPE');
  });

  it('serves metrics on their own port when METRICS_PORT is set', async () => {
    const server = await startMetricsServer(t.app.metrics!, '127.0.0.1', 0);
    try {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('myomap_booking_outcomes_total');
    } finally {
      await server.close();
    }
  });

  it('keeps the patient’s name, email and phone and the manage token out of the log', async () => {
    expect(logLines.length).toBeGreaterThanOrEqual(6);
    const logged = logLines.join('\n');
    for (const secret of [patient.name, patient.email, patient.phone, 'Mariam', 'Haddad', manageToken]) expect(logged).not.toContain(secret);
  });
});

describe.each(databaseTargets)('metrics switched off on %s', (target) => {
  let t: TestApp;
  // A built web app is present, so an unknown page address would get index.html: /metrics must not.
  const webDist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><body>Myomap</body></html>');
  beforeAll(async () => {
    t = await createTestApp(target, { webDist });
  }, 240_000);
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('has no registry and answers /metrics with a 404 in the error shape, not the web app', async () => {
    expect(t.app.metrics).toBeUndefined();
    for (const url of ['/metrics', '/metrics?name[]=x']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /metrics.' } });
    }
    // Other page addresses still get the web app, for its router.
    const page = await t.app.inject({ method: 'GET', url: '/book' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Myomap');
  });
});
