import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../build-app.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import type { Mailer, OutgoingMessage } from './mailer.ts';
import { workOutbox } from '../workers/outbox-worker.ts';

const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';

describe.each(databaseTargets)('patient link tokens and security headers on %s', (target) => {
  let t: TestApp;
  const logLines: string[] = [];
  let booking: { reference: string; manageToken: string };

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    t = await createTestApp(target, { logStream });
    const slots = (
      await t.app.inject({ method: 'GET', url: `/api/availability?serviceId=${FOLLOW_UP}&practitionerId=${AMIRA}&from=2026-12-01&to=2026-12-01` })
    ).json().slots;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { serviceId: FOLLOW_UP, practitionerId: AMIRA, start: slots[0].start, patient: { name: 'Layla Ahmed', email: 'layla@example.com' } },
    });
    expect(res.statusCode).toBe(201);
    booking = res.json();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps every token route’s token out of the request log', async () => {
    const [practitioner] = await t.ctx.db.query<{ calendar_token: string }>('select calendar_token from practitioners where id = $1', [AMIRA]);
    const calendarToken = practitioner?.calendar_token ?? 'no-calendar-token';
    const { reference, manageToken } = booking;
    const token = encodeURIComponent(manageToken);
    const urls = [
      `/api/bookings/${reference}?token=${token}`,
      `/api/bookings/${reference}/calendar.ics?token=${token}`,
      `/api/intake/${reference}?token=${token}`,
      `/api/aftercare/${token}`,
      `/api/waitlist/offers/${token}`,
      `/api/waitlist/offers/${token}/decline`,
      `/api/calendar/${AMIRA}/feed.ics?token=${encodeURIComponent(calendarToken)}`,
      `/booking/${reference}?token=${token}`,
      `/aftercare/${token}`,
      `/waitlist/offer/${token}`,
    ];
    for (const url of urls) await t.app.inject({ method: url.endsWith('/decline') ? 'POST' : 'GET', url });
    const logged = logLines.join('\n');
    expect(logLines.length).toBeGreaterThanOrEqual(urls.length * 2);
    expect(logged).toContain('•••••');
    expect(logged).not.toContain(manageToken);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(calendarToken);
  });

  it('stores no live token in the outbox, shows staff redacted links, and sends the patient the live one', async () => {
    const { manageToken, reference } = booking;
    const rows = await t.ctx.db.query<{ kind: string; body_text: string; body_html: string | null; attachments: unknown; sealed_links: string | null }>(
      `select o.kind, o.body_text, o.body_html, o.attachments, o.sealed_links from outbox o join appointments a on a.id = o.appointment_id where a.reference = $1`,
      [reference],
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(['confirmation', 'reminder']);
    for (const row of rows) {
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(manageToken);
      expect(stored).not.toContain(encodeURIComponent(manageToken));
      expect(row.sealed_links).toBeTruthy();
    }

    const reception = await signIn(t.app, 'reception@demo.myomap.app');
    const mailbox = await t.app.inject({ method: 'GET', url: '/api/staff/mailbox', headers: reception });
    expect(mailbox.statusCode).toBe(200);
    const confirmation = mailbox.json<{ kind: string; body: string }[]>().find((m) => m.kind === 'confirmation');
    expect(confirmation?.body).toContain(`/booking/${reference}?token=•••••`);
    expect(confirmation?.body).toContain(`/intake/${reference}?token=•••••`);
    expect(mailbox.body).not.toContain(manageToken);
    expect(mailbox.body).not.toContain('{{link:');

    const sent: OutgoingMessage[] = [];
    const mailer: Mailer = { transport: 'smtp', send: async (m) => void sent.push(m), close: () => undefined };
    while ((await workOutbox(t.ctx.db, mailer, t.clock, 20, t.ctx.config.sessionSecret)) > 0);
    const delivered = sent.find((m) => m.subject && m.text.includes(`/booking/${reference}?`));
    expect(delivered?.text).toContain(`/booking/${reference}?token=${encodeURIComponent(manageToken)}`);
    expect(delivered?.text).not.toContain('{{link:');
    // The link in the email works.
    const manage = await t.app.inject({ method: 'GET', url: `/api/bookings/${reference}?token=${encodeURIComponent(manageToken)}` });
    expect(manage.statusCode).toBe(200);
  });

  it('sends security headers on API responses and pages, and HSTS only under https', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const error = await t.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(error.headers['content-security-policy']).toBe(csp);

    const https = await buildApp({ ...t.ctx, config: { ...t.ctx.config, publicUrl: 'https://clinic.example' } });
    try {
      const secure = await https.inject({ method: 'GET', url: '/api/health' });
      expect(secure.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(secure.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});
