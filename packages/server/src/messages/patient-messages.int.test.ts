import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../lib/mailer.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { mimeParts, part, startSmtp } from '../test-support/read-mail.ts';
import { workOutbox } from '../workers/outbox-worker.ts';
import { twilioChannel } from './channels/twilio-channel.ts';

const MAP = 'https://maps.example.com/?q=myomap-sharjah';

interface ProviderRequest {
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

/** A local HTTP server standing in for the SMS provider: it records each request and answers as told. */
async function startProvider(): Promise<{ url: string; requests: ProviderRequest[]; status: { code: number }; close(): Promise<void> }> {
  const requests: ProviderRequest[] = [];
  const status = { code: 201 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, form: new URLSearchParams(body) });
      res.writeHead(status.code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status.code < 300 ? { sid: `SM${requests.length}` } : { code: 20003, message: 'Authenticate' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, status, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(databaseTargets)('patient messages: HTML email and channels on %s', (target) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let mailer: ReturnType<typeof createMailer>;
  const sms = () => twilioChannel('sms', { baseUrl: provider.url, accountSid: 'AC123', authToken: 'secret-token', from: '+97160000001' });

  beforeAll(async () => {
    t = await createTestApp(target);
    await t.ctx.db.query('update clinic set map_url = $1', [MAP]);
    smtp = await startSmtp();
    provider = await startProvider();
    mailer = createMailer(smtp.url, '"Myomap" <clinic@demo.myomap.app>');
  }, 240_000);
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await provider.close();
    await t.close();
  });

  const book = async (start: string, patient: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { serviceId: 'svc-nmt-follow-60', practitionerId: 'prac-amira', start, patient },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { reference, manageToken } = res.json<{ reference: string; manageToken: string }>();
    const [row] = await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where reference = $1', [reference]);
    return { reference, manageToken, patientId: row?.patient_id ?? '' };
  };
  const work = async (channels = {}) => {
    while ((await workOutbox(t.ctx.db, mailer, t.clock, 20, t.ctx.config.sessionSecret, channels)) > 0);
  };
  const outboxRow = (reference: string, kind: string) =>
    t.ctx.db
      .query<{
        status: string;
        channel: string | null;
        channel_note: string | null;
        transport: string | null;
        body_html: string | null;
        body_short: string | null;
      }>(
        `select o.status, o.channel, o.channel_note, o.transport, o.body_html, o.body_short from outbox o join appointments a on a.id = o.appointment_id
         where a.reference = $1 and o.kind = $2`,
        [reference, kind],
      )
      .then((rows) => rows[0]);

  it('sends an English confirmation as text and HTML (clinic, phone, map, manage and intake links) with its calendar file', async () => {
    const { reference, manageToken } = await book('2026-12-01T09:00:00+04:00', { name: 'Huda Saeed', email: 'huda@example.com' });
    await work();
    const parts = mimeParts(smtp.received.get('huda@example.com') ?? '');
    const text = part(parts, 'text/plain');
    const html = part(parts, 'text/html');
    expect(text?.parentType).toBe('multipart/alternative');
    expect(html?.parentType).toBe('multipart/alternative');
    expect(part(parts, 'text/calendar')?.body).toContain('BEGIN:VEVENT');
    const token = encodeURIComponent(manageToken);
    expect(html?.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(html?.body).toContain('Dr. Amal Al Qedrah Medical Center');
    expect(html?.body).toContain('Sharjah, United Arab Emirates');
    expect(html?.body).toContain('href="tel:+97160000000"');
    expect(html?.body).toContain(`href="${MAP}"`);
    expect(html?.body).toContain(`href="http://myomap.test/booking/${reference}?token=${token}"`);
    expect(html?.body).toContain(`href="http://myomap.test/intake/${reference}?token=${token}"`);
    expect(html?.body).toContain('Manage your booking');
    expect(html?.body).not.toContain('{{link:');
    for (const fact of [
      'Sharjah, United Arab Emirates',
      '+971 6 000 0000',
      MAP,
      `/booking/${reference}?token=${token}`,
      `/intake/${reference}?token=${token}`,
    ]) {
      expect(text?.body).toContain(fact);
    }
    // The stored row keeps no live token in any part, the HTML included.
    const row = await outboxRow(reference, 'confirmation');
    expect(JSON.stringify(row)).not.toContain(manageToken);
    expect(row?.body_html).toContain('{{link:');
    expect(row).toMatchObject({ status: 'sent', channel: 'email', channel_note: null, transport: 'smtp' });
  });

  it('sends an Arabic patient a right-to-left email in Arabic with the Arabic address', async () => {
    const { reference, manageToken } = await book('2026-12-01T10:30:00+04:00', { name: 'مريم علي', email: 'mariam@example.com', preferredLanguage: 'ar' });
    await work();
    const parts = mimeParts(smtp.received.get('mariam@example.com') ?? '');
    const html = part(parts, 'text/html')?.body ?? '';
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('مرحباً مريم علي');
    expect(html).toContain('تم تأكيد موعدك');
    expect(html).toContain('مركز الدكتورة أمل القدرة الطبي');
    expect(html).toContain('الشارقة، الإمارات العربية المتحدة');
    expect(html).toContain('إدارة الحجز');
    expect(html).toContain('تعبئة استمارة القبول');
    expect(html).toContain(`href="http://myomap.test/booking/${reference}?token=${encodeURIComponent(manageToken)}"`);
    expect(html).toContain(`href="${MAP}"`);
    expect(part(parts, 'text/plain')?.body).toContain(`الخريطة والاتجاهات: ${MAP}`);
  });

  it('escapes what a patient typed: a name holding markup arrives as text', async () => {
    const name = '<script>alert("x")</script> <b>Bold</b> & Co';
    await book('2026-12-01T11:45:00+04:00', { name, email: 'markup@example.com' });
    await work();
    const html = part(mimeParts(smtp.received.get('markup@example.com') ?? ''), 'text/html')?.body ?? '';
    expect(html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;Bold&lt;/b&gt; &amp; Co,');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
  });

  it('sends a patient who prefers SMS a short text with the live manage link through the provider, and records the channel', async () => {
    const booked = await book('2026-12-01T14:00:00+04:00', {
      name: 'Omar Haddad',
      email: 'omar.h@example.com',
      phone: '+971 50 123 4567',
      preferredLanguage: 'ar',
    });
    const reception = await signIn(t.app, 'reception@demo.myomap.app');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/patients/${booked.patientId}`,
      headers: reception,
      payload: { preferredChannel: 'sms' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ preferredChannel: 'sms', preferredLanguage: 'ar' });
    const before = provider.requests.length;
    await work({ sms: sms() });
    const request = provider.requests[before];
    expect(request?.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('AC123:secret-token').toString('base64')}`);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.form.get('To')).toBe('+971501234567');
    expect(request?.form.get('From')).toBe('+97160000001');
    const body = request?.form.get('Body') ?? '';
    expect(body).toContain('تم تأكيد موعدك');
    expect(body).toContain(`http://myomap.test/booking/${booked.reference}?token=${encodeURIComponent(booked.manageToken)}`);
    expect(body.length).toBeLessThan(320);
    expect(smtp.received.has('omar.h@example.com')).toBe(false);
    const row = await outboxRow(booked.reference, 'confirmation');
    expect(row).toMatchObject({ status: 'sent', channel: 'sms', channel_note: null, transport: 'twilio' });
    expect(row?.body_short).not.toContain(booked.manageToken);
  });

  it('keeps an SMS the provider refuses pending for a retry, without a copy by email', async () => {
    const booked = await book('2026-12-01T15:15:00+04:00', { name: 'Sami Nasser', email: 'sami@example.com', phone: '+971 50 765 4321' });
    await t.ctx.db.query(`update patients set preferred_channel = 'sms' where id = $1`, [booked.patientId]);
    provider.status.code = 401;
    try {
      await workOutbox(t.ctx.db, mailer, t.clock, 20, t.ctx.config.sessionSecret, { sms: sms() });
    } finally {
      provider.status.code = 201;
    }
    const [row] = await t.ctx.db.query<{ status: string; last_error: string; attempts: number }>(
      `select o.status, o.last_error, o.attempts from outbox o join appointments a on a.id = o.appointment_id where a.reference = $1 and o.kind = 'confirmation'`,
      [booked.reference],
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.last_error).toMatch(/HTTP 401/);
    expect(row?.last_error).not.toContain(booked.manageToken);
    expect(smtp.received.has('sami@example.com')).toBe(false);
  });

  it('falls back to email when the preferred channel is not configured, and records why', async () => {
    const booked = await book('2026-12-01T16:30:00+04:00', { name: 'Rana Khalil', email: 'rana@example.com', phone: '+971 50 111 2222' });
    await t.ctx.db.query(`update patients set preferred_channel = 'whatsapp' where id = $1`, [booked.patientId]);
    const before = provider.requests.length;
    await work({ sms: sms() });
    expect(provider.requests.length).toBe(before);
    expect(part(mimeParts(smtp.received.get('rana@example.com') ?? ''), 'text/html')?.body).toContain('Rana Khalil');
    expect(await outboxRow(booked.reference, 'confirmation')).toMatchObject({ status: 'sent', channel: 'email', channel_note: 'whatsapp_not_configured' });
  });

  it('refuses a channel that does not exist with a coded error and changes nothing', async () => {
    const booked = await book('2026-12-01T17:45:00+04:00', { name: 'Lina Farah', email: 'lina@example.com' });
    const reception = await signIn(t.app, 'reception@demo.myomap.app');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/patients/${booked.patientId}`,
      headers: reception,
      payload: { preferredChannel: 'pigeon' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    const [row] = await t.ctx.db.query<{ preferred_channel: string }>('select preferred_channel from patients where id = $1', [booked.patientId]);
    expect(row?.preferred_channel).toBe('email');
  });
});
