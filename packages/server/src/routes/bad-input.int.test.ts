import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

/**
 * The five causes of 5xx the fuzzer found (NUL in text and in JSON, lone surrogates,
 * whitespace-only names, malformed multipart), each refused with a 400 before any route code.
 */
describe.each(databaseTargets)('bad input is a 400 (%s)', (target) => {
  let t: TestApp;
  let reception: Record<string, string>;
  let therapist: Record<string, string>;
  let patientId: string;
  let assessmentId: string;
  const count = async (table: string) => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

  beforeAll(async () => {
    t = await createTestApp(target);
    reception = await signIn(t.app, 'reception@demo.myomap.app');
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    patientId = (
      await t.app.inject({ method: 'POST', url: '/api/staff/patients', headers: reception, payload: { name: 'Rana Aziz', email: 'rana@example.com' } })
    ).json().id;
    assessmentId = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist })).json().id;
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  const booking = (name: string) => ({
    serviceId: 'svc-nmt-follow-60',
    practitionerId: 'prac-amira',
    start: '2026-12-07T09:00:00+04:00',
    patient: { name, email: 'p@example.com' },
  });

  it.each([
    ['NUL in a JSON string', { name: 'Rana\u0000Aziz', email: 'n@example.com' }],
    ['NUL in a field name', { name: 'Rana', email: 'n@example.com', 'x\u0000': 1 }],
    ['a lone high surrogate', { name: 'Rana \ud800', email: 'n@example.com' }],
    ['a lone low surrogate', { name: '\udfffRana', email: 'n@example.com' }],
    ['a whitespace-only name', { name: ' \t\n ', email: 'n@example.com' }],
  ])('refuses %s in a body, and writes nothing', async (_label, payload) => {
    const before = await count('patients');
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/patients', headers: reception, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(await count('patients')).toBe(before);
  });

  it('refuses NUL escaped in raw JSON, in a public booking, with a blank name too', async () => {
    const before = await count('appointments');
    for (const payload of [
      JSON.stringify(booking('Rana')).replace('Rana', 'Ra\\u0000na'),
      JSON.stringify(booking('Rana')).replace('Rana', '\\udc00'),
      JSON.stringify(booking('   ')),
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/bookings', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await count('appointments')).toBe(before);
  });

  it('refuses NUL and lone surrogates in the path, query and headers', async () => {
    const cases = [
      { method: 'GET' as const, url: '/api/staff/patients/a%00b', headers: reception },
      { method: 'GET' as const, url: '/api/staff/patients?q=a%00', headers: reception },
      { method: 'GET' as const, url: '/api/bookings/ABC%00?token=0123456789abc' },
      { method: 'POST' as const, url: '/api/bookings', headers: { 'idempotency-key': 'k\u0000' }, payload: booking('Rana') },
    ];
    for (const request of cases) {
      const res = await t.app.inject(request);
      expect(res.statusCode, request.url).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    // A percent-escape that is not UTF-8 (a lone surrogate's bytes) never becomes a string at all.
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/patients/%ED%A0%80', headers: reception });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_url');
  });

  it.each([
    [
      'no boundary parameter',
      'multipart/form-data',
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n',
    ],
    ['a body that is not multipart', 'multipart/form-data; boundary=b', 'garbage'],
    ['a part header without its blank line', 'multipart/form-data; boundary=b', '--b\r\nno blank line'],
    [
      'a body cut off inside the file',
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
    ],
  ])('refuses a malformed upload (%s) with invalid_multipart', async (_label, contentType, payload) => {
    const before = await count('assessment_photos');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/assessments/${assessmentId}/photos?view=front`,
      headers: { ...therapist, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_multipart');
    expect(await count('assessment_photos')).toBe(before);
  });

  it('still accepts a well-formed photo upload', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const payload = Buffer.concat([
      Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="front.png"\r\nContent-Type: image/png\r\n\r\n'),
      png,
      Buffer.from('\r\n--b--\r\n'),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/assessments/${assessmentId}/photos?view=front`,
      headers: { ...therapist, 'content-type': 'multipart/form-data; boundary=b' },
      payload,
    });
    expect(res.statusCode).toBe(201);
  });

  it('still refuses multipart on a JSON route with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/patients',
      headers: { ...reception, 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b--\r\n',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('keeps accepting good text: Arabic, emoji (a valid surrogate pair) and padded names', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/patients',
      headers: reception,
      payload: { name: ' عمر خليل 🙂 ', email: 'omar.k@example.com' },
    });
    expect(res.statusCode).toBe(201);
  });
});
