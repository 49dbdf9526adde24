import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

// Demo clinic: therapists work 09:00–19:00 Sharjah time; the test clock is Mon 30 Nov 08:00.
const FOLLOW_UP = 'svc-nmt-follow-60';
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgo'.repeat(20)}`;

describe.each(databaseTargets)('abuse limits for anonymous callers on %s', (target) => {
  let t: TestApp;
  let reception: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(target);
    reception = await signIn(t.app, 'reception@demo.myomap.app');
  });
  afterAll(async () => {
    await t.close();
  });

  const slotsOn = async (practitionerId: string, date: string): Promise<string[]> =>
    (await t.app.inject({ method: 'GET', url: `/api/availability?serviceId=${FOLLOW_UP}&practitionerId=${practitionerId}&from=${date}&to=${date}` }))
      .json<{ slots: { start: string }[] }>()
      .slots.map((s) => s.start);
  const book = (practitionerId: string, start: string, email: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      remoteAddress: ip,
      payload: { serviceId: FOLLOW_UP, practitionerId, start, patient: { name: `Patient ${email.split('@')[0]}`, email } },
    });
  const countAppointments = async () => (await t.ctx.db.query<{ n: number }>('select count(*)::int as n from appointments'))[0]?.n;

  it('refuses a fourth upcoming online booking for one contact, and writes nothing', async () => {
    const days = ['2026-12-01', '2026-12-07', '2026-12-08', '2026-12-09'];
    const made = [];
    for (const [i, day] of days.slice(0, 3).entries()) {
      // Different days and addresses: only the contact links them.
      const res = await book('prac-omar', (await slotsOn('prac-omar', day))[0] ?? '', 'Repeat@Example.com', `192.0.2.${i + 1}`);
      expect(res.statusCode, day).toBe(201);
      made.push(res.json());
    }
    const before = await countAppointments();
    const fourth = await book('prac-omar', (await slotsOn('prac-omar', days[3] ?? ''))[0] ?? '', 'repeat@example.com', '192.0.2.9');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('booking_limit_reached');
    expect(await countAppointments()).toBe(before);
    // Cancelling one frees a place for the contact.
    await t.app.inject({ method: 'POST', url: `/api/bookings/${made[0].reference}/cancel?token=${encodeURIComponent(made[0].manageToken)}` });
    expect((await book('prac-omar', (await slotsOn('prac-omar', days[3] ?? ''))[0] ?? '', 'repeat@example.com', '192.0.2.9')).statusCode).toBe(201);
  });

  it('flags rotating contacts from one address; reception lists them, keeps one and releases one, audited', async () => {
    const slots = await slotsOn('prac-sara', '2026-12-04');
    const ids: string[] = [];
    for (const [i, email] of ['r1@example.com', 'r2@example.com', 'r3@example.com'].entries()) {
      const res = await book('prac-sara', slots[i * 8] ?? '', email, '198.51.100.50');
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const listed = await t.app.inject({ method: 'GET', url: '/api/staff/suspicious-bookings', headers: reception });
    expect(listed.statusCode).toBe(200);
    const flagged = listed.json<{ id: string; reason: string; bookedFromIp: string; contact: string }[]>().filter((b) => b.bookedFromIp === '198.51.100.50');
    expect(flagged.map((b) => b.id).sort()).toEqual([...ids].sort());
    expect(new Set(flagged.map((b) => b.reason))).toEqual(new Set(['many_contacts_from_address']));

    const therapist = await signIn(t.app, 'sara@demo.myomap.app');
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/suspicious-bookings', headers: therapist })).json().error.code).toBe('forbidden');
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/suspicious-bookings/${ids[0]}/release`, headers: therapist })).statusCode).toBe(403);

    const released = await t.app.inject({ method: 'POST', url: `/api/staff/suspicious-bookings/${ids[0]}/release`, headers: reception });
    expect(released.statusCode).toBe(200);
    expect(await slotsOn('prac-sara', '2026-12-04')).toContain(slots[0]);
    const kept = await t.app.inject({ method: 'POST', url: `/api/staff/suspicious-bookings/${ids[1]}/keep`, headers: reception });
    expect(kept.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/suspicious-bookings/${ids[1]}/keep`, headers: reception })).json().error.code).toBe(
      'not_found',
    );

    const after = (await t.app.inject({ method: 'GET', url: '/api/staff/suspicious-bookings', headers: reception })).json<{ id: string }[]>().map((b) => b.id);
    expect(after).toContain(ids[2]);
    expect(after).not.toContain(ids[0]);
    expect(after).not.toContain(ids[1]);
    const audit = await t.ctx.db.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_log where action in ('appointment.release_suspicious', 'appointment.keep_suspicious', 'appointment.cancel') and entity_id = any($1::text[]) order by id`,
      [ids],
    );
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['appointment.release_suspicious', ids[0]],
      ['appointment.cancel', ids[0]],
      ['appointment.keep_suspicious', ids[1]],
    ]);
  });

  it('does not release a booking that was never flagged', async () => {
    const res = await book('prac-amira', (await slotsOn('prac-amira', '2026-12-10'))[0] ?? '', 'single@example.com', '203.0.113.77');
    expect(res.statusCode).toBe(201);
    const release = await t.app.inject({ method: 'POST', url: `/api/staff/suspicious-bookings/${res.json().id}/release`, headers: reception });
    expect(release.statusCode).toBe(409);
    expect(release.json().error.code).toBe('conflict');
  });

  it('limits consents per patient link and caps body sizes per route', async () => {
    const res = await book('prac-amira', (await slotsOn('prac-amira', '2026-12-11'))[0] ?? '', 'consent@example.com', '203.0.113.80');
    const { reference, manageToken } = res.json();
    const consent = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/intake/${reference}/consent?token=${encodeURIComponent(manageToken)}`, payload });
    const body = { version: currentConsentVersion, language: 'en', typedName: 'Consent Patient', signature: SIGNATURE };
    for (let i = 0; i < 3; i++) expect((await consent(body)).statusCode).toBe(201);
    const fourth = await consent(body);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('rate_limited');
    const [{ n } = { n: -1 }] = await t.ctx.db.query<{ n: number }>(
      'select count(*)::int as n from consents c join appointments a on a.id = c.appointment_id where a.reference = $1',
      [reference],
    );
    expect(n).toBe(3);

    const huge = await consent({ ...body, signature: `data:image/png;base64,${'A'.repeat(440 * 1024)}` });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const bigBooking = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      remoteAddress: '203.0.113.81',
      payload: {
        serviceId: FOLLOW_UP,
        practitionerId: 'prac-amira',
        start: '2026-12-11T10:00:00+04:00',
        patient: { name: 'X'.repeat(20 * 1024), email: 'big@example.com' },
      },
    });
    expect(bigBooking.statusCode).toBe(413);
    expect(bigBooking.json().error.code).toBe('payload_too_large');
  });
});
