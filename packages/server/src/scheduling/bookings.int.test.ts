import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workOutbox } from '../workers/outbox-worker.ts';
import { readSentMessages } from '../test-support/read-outbox.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

// The demo clinic: Asia/Dubai (UTC+4), therapists work 09:00–19:00 Mon–Fri with lunch 13:00–14:00,
// NMT follow-up 60 is 60 min + 15 min cleaning, min notice 2 h. The test clock is Mon 30 Nov 08:00.
const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';
const patient = { name: 'Layla Ahmed', email: 'layla@example.com', phone: '+971 50 123 4567' };

describe.each(databaseTargets)('bookings on %s', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    // This file books many visits for one patient; the per-contact limit has its own tests
    // (online-booking-abuse.int.test.ts).
    t = await createTestApp(target, { config: { onlineBookingsPerContact: 100 } });
  });
  afterAll(async () => {
    await t.close();
  });

  const availability = (query: string) => t.app.inject({ method: 'GET', url: `/api/availability?${query}` });
  const book = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/bookings', payload: body as object, headers });
  const countAppointments = async () => (await t.ctx.db.query<{ n: number }>('select count(*)::int as n from appointments'))[0]?.n;

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: target });
  });

  it('lists bookable services and practitioners', async () => {
    const services = (await t.app.inject({ method: 'GET', url: '/api/services' })).json<{ id: string; durationMinutes: number }[]>();
    expect(services.find((s) => s.id === 'svc-nmt-initial')?.durationMinutes).toBe(75);
    const practitioners = (await t.app.inject({ method: 'GET', url: '/api/practitioners' })).json<{ id: string }[]>();
    expect(practitioners.map((p) => p.id).sort()).toEqual(['prac-amira', 'prac-omar', 'prac-sara', 'prac-yousef']);
  });

  it('offers slots in clinic time, within hours, off the lunch break and the holiday', async () => {
    const res = await availability(`serviceId=${FOLLOW_UP}&from=2026-12-01&to=2026-12-03&practitionerId=${AMIRA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ timeZone: string; slots: { start: string; end: string; practitionerId: string }[] }>();
    expect(body.timeZone).toBe('Asia/Dubai');
    const starts = body.slots.map((s) => s.start);
    expect(starts[0]).toBe('2026-12-01T09:00:00+04:00');
    expect(body.slots[0]?.end).toBe('2026-12-01T10:00:00+04:00');
    // 60 min + 15 min cleaning must end by 13:00 lunch: 11:45 is the last morning start.
    expect(starts).toContain('2026-12-01T11:45:00+04:00');
    expect(starts).not.toContain('2026-12-01T12:00:00+04:00');
    expect(starts).toContain('2026-12-01T14:00:00+04:00');
    // 2–3 December is the National Day holiday.
    expect(starts.some((s) => s.startsWith('2026-12-02') || s.startsWith('2026-12-03'))).toBe(false);
    expect([...starts].sort()).toEqual(starts);
  });

  it.each([
    ['from after to', `serviceId=${FOLLOW_UP}&from=2026-12-05&to=2026-12-01`, 400, 'invalid_range'],
    ['over 92 days', `serviceId=${FOLLOW_UP}&from=2026-12-01&to=2027-03-05`, 400, 'invalid_range'],
    ['an impossible date', `serviceId=${FOLLOW_UP}&from=2026-02-30&to=2026-03-01`, 400, 'validation_failed'],
    ['a malformed date', `serviceId=${FOLLOW_UP}&from=tomorrow&to=2026-03-01`, 400, 'validation_failed'],
    ['a missing service', `from=2026-12-01&to=2026-12-02`, 400, 'validation_failed'],
    ['an unknown service', `serviceId=nope&from=2026-12-01&to=2026-12-02`, 404, 'unknown_service'],
    ['an unknown practitioner', `serviceId=${FOLLOW_UP}&from=2026-12-01&to=2026-12-02&practitionerId=nobody`, 404, 'unknown_practitioner'],
  ])('rejects availability with %s', async (_name, query, status, code) => {
    const res = await availability(query);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('books a free slot, then refuses the same slot with 409', async () => {
    const body = { serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T09:00:00+04:00', patient };
    const first = await book(body);
    expect(first.statusCode).toBe(201);
    const booking = first.json();
    expect(booking).toMatchObject({
      status: 'confirmed',
      start: '2026-12-01T09:00:00+04:00',
      end: '2026-12-01T10:00:00+04:00',
      serviceId: FOLLOW_UP,
      practitionerId: AMIRA,
    });
    expect(booking.reference).toMatch(/^MYO-/);
    expect(booking.manageToken.length).toBeGreaterThan(20);

    const again = await book({ ...body, patient: { ...patient, email: 'someone.else@example.com' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('slot_unavailable');

    // The cleaning buffer keeps 10:00 free of a new visit too (09:00–10:00 + 15 min).
    const starts = (await availability(`serviceId=${FOLLOW_UP}&from=2026-12-01&to=2026-12-01&practitionerId=${AMIRA}`))
      .json()
      .slots.map((s: { start: string }) => s.start);
    expect(starts).not.toContain('2026-12-01T09:00:00+04:00');
    expect(starts).not.toContain('2026-12-01T10:00:00+04:00');
    expect(starts).toContain('2026-12-01T10:15:00+04:00');
  });

  it('accepts the same instant written in UTC', async () => {
    const res = await book({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T10:15:00Z', patient });
    expect(res.statusCode).toBe(201);
    expect(res.json().start).toBe('2026-12-01T14:15:00+04:00');
  });

  it('replays an Idempotency-Key and refuses it for another body', async () => {
    const body = { serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-04T09:00:00+04:00', patient };
    const before = await countAppointments();
    const first = await book(body, { 'idempotency-key': 'key-1' });
    const second = await book(body, { 'idempotency-key': 'key-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await countAppointments()).toBe((before ?? 0) + 1);
    const other = await book({ ...body, start: '2026-12-04T10:15:00+04:00' }, { 'idempotency-key': 'key-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
  });

  it('creates one booking for concurrent retries with one key', async () => {
    const body = { serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-08T14:00:00+04:00', patient };
    const before = await countAppointments();
    const results = await Promise.all(Array.from({ length: 8 }, () => book(body, { 'idempotency-key': 'key-concurrent' })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await countAppointments()).toBe((before ?? 0) + 1);
  });

  it.each([
    ['malformed JSON', '{"serviceId":', 'invalid_json'],
    ['a wrong type', JSON.stringify({ serviceId: 5, practitionerId: AMIRA, start: '2026-12-01T11:00:00+04:00', patient }), 'validation_failed'],
    ['a time without offset', JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T11:00:00', patient }), 'validation_failed'],
    ['an impossible time', JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-13-45T11:00:00+04:00', patient }), 'validation_failed'],
    [
      'a bad email',
      JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T11:00:00+04:00', patient: { name: 'A', email: 'not-an-email' } }),
      'validation_failed',
    ],
    [
      'an unknown field',
      JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T11:00:00+04:00', patient, admin: true }),
      'validation_failed',
    ],
    ['an off-grid time', JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T11:07:00+04:00', patient }), 'slot_unavailable'],
    [
      'a time in the lunch break',
      JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-01T12:30:00+04:00', patient }),
      'slot_unavailable',
    ],
    ['an unknown service', JSON.stringify({ serviceId: 'nope', practitionerId: AMIRA, start: '2026-12-01T11:00:00+04:00', patient }), 'unknown_service'],
    [
      'an unknown practitioner',
      JSON.stringify({ serviceId: FOLLOW_UP, practitionerId: 'ghost', start: '2026-12-01T11:00:00+04:00', patient }),
      'unknown_practitioner',
    ],
  ])('rejects a booking with %s and writes nothing', async (_name, payload, code) => {
    const before = await countAppointments();
    const res = await t.app.inject({ method: 'POST', url: '/api/bookings', payload, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toBe(code);
    expect(await countAppointments()).toBe(before);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await book({
      serviceId: FOLLOW_UP,
      practitionerId: AMIRA,
      start: '2026-12-01T11:00:00+04:00',
      patient: { ...patient, name: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('lets the holder view and cancel, frees the slot, and hides the booking from a wrong token', async () => {
    const created = (await book({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-07T09:00:00+04:00', patient })).json();
    const wrong = await t.app.inject({ method: 'GET', url: `/api/bookings/${created.reference}?token=wrong-token-123456` });
    expect(wrong.statusCode).toBe(404);
    const view = await t.app.inject({ method: 'GET', url: `/api/bookings/${created.reference}?token=${created.manageToken}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ reference: created.reference, status: 'confirmed', canChange: true, patientName: 'Layla Ahmed' });

    const cancel = await t.app.inject({ method: 'POST', url: `/api/bookings/${created.reference}/cancel?token=${created.manageToken}` });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    const starts = (await availability(`serviceId=${FOLLOW_UP}&from=2026-12-07&to=2026-12-07&practitionerId=${AMIRA}`))
      .json()
      .slots.map((s: { start: string }) => s.start);
    expect(starts).toContain('2026-12-07T09:00:00+04:00');
    const rebook = await book({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: '2026-12-07T09:00:00+04:00', patient });
    expect(rebook.statusCode).toBe(201);
  });

  it('refuses online changes inside the cancellation window', async () => {
    const created = (await book({ serviceId: FOLLOW_UP, practitionerId: 'prac-omar', start: '2026-12-01T16:00:00+04:00', patient })).json();
    t.clock.set('2026-12-01T00:00:00Z'); // 04:00 in Sharjah, 12 h before the visit
    try {
      const cancel = await t.app.inject({ method: 'POST', url: `/api/bookings/${created.reference}/cancel?token=${created.manageToken}` });
      expect(cancel.statusCode).toBe(409);
      expect(cancel.json().error.code).toBe('cancellation_window_passed');
    } finally {
      t.clock.set('2026-11-30T04:00:00Z');
    }
  });

  it('reschedules to a free time and back-fills messages for the new time', async () => {
    const created = (await book({ serviceId: FOLLOW_UP, practitionerId: 'prac-sara', start: '2026-12-08T09:00:00+04:00', patient })).json();
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${created.reference}/reschedule?token=${created.manageToken}`,
      payload: { start: '2026-12-08T09:30:00+04:00' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2026-12-08T09:30:00+04:00', status: 'confirmed' });
    const kinds = await t.ctx.db.query<{ kind: string; status: string }>(
      'select kind, status from outbox where appointment_id = $1 order by created_at, kind',
      [created.id],
    );
    expect(kinds.filter((k) => k.kind === 'reminder' && k.status === 'pending')).toHaveLength(1);
    expect(kinds.some((k) => k.kind === 'rescheduled')).toBe(true);
  });

  it('sends the confirmation once with an .ics and the reminder 24 h before', async () => {
    const created = (await book({ serviceId: FOLLOW_UP, practitionerId: 'prac-omar', start: '2026-12-09T10:00:00+04:00', patient })).json();
    const sent: { to: string; subject: string; attachments: { filename: string; content: string }[] }[] = [];
    const mailer = { transport: 'smtp' as const, send: async (m: (typeof sent)[number]) => void sent.push(m), close: () => undefined };
    while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
    const mine = () => sent.filter((m) => m.subject.includes(created.reference) || m.subject.startsWith('Reminder'));
    expect(mine().filter((m) => m.subject.includes('confirmed'))).toHaveLength(1);
    const ics = mine()[0]?.attachments[0];
    expect(ics?.filename).toBe('invite.ics');
    expect(ics?.content).toContain('BEGIN:VEVENT');
    expect(ics?.content).toContain('DTSTART:20261209T060000Z');
    expect(mine().filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);

    sent.length = 0;
    t.clock.set('2026-12-08T06:00:00Z'); // exactly 24 h before
    try {
      while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
      expect(sent.filter((m) => m.subject.startsWith('Reminder') && m.to === patient.email).length).toBeGreaterThanOrEqual(1);
      const count = sent.length;
      while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
      expect(sent.length).toBe(count);
    } finally {
      t.clock.set('2026-11-30T04:00:00Z');
    }
  });

  it('stores an online booking whole in one statement: the patient, both messages, and only the confirmation inside the reminder window', async () => {
    type Stored = { kind: string; recipient: string; appointment_id: string; patient_id: string; send_after: Date; ics: string | null; html: string };
    const stored = (appointmentId: string) =>
      t.ctx.db.query<Stored>(
        `select kind, recipient, appointment_id, patient_id, send_after, attachments->0->>'content' as ics, body_html as html
         from outbox where appointment_id = $1 order by kind`,
        [appointmentId],
      );
    const far = (
      await book({
        serviceId: FOLLOW_UP,
        practitionerId: 'prac-sara',
        start: '2026-12-11T15:00:00+04:00',
        patient: { name: 'Huda Saleh', email: 'Huda@Example.com' },
      })
    ).json();
    expect(far.error).toBeUndefined();
    const [owner] = await t.ctx.db.query<{ patient_id: string; email: string }>(
      'select a.patient_id, p.email from appointments a join patients p on p.id = a.patient_id where a.id = $1',
      [far.id],
    );
    expect(owner?.email).toBe('huda@example.com');
    const both = await stored(far.id);
    expect(both.map((m) => m.kind)).toEqual(['confirmation', 'reminder']);
    expect(both.every((m) => m.recipient === 'huda@example.com' && m.patient_id === owner?.patient_id && m.appointment_id === far.id)).toBe(true);
    expect(both[0]?.ics).toContain('DTSTART:20261211T110000Z');
    expect(both[0]?.html).toContain(far.reference);
    expect(both[1]?.send_after.toISOString()).toBe('2026-12-10T11:00:00.000Z');

    // Mon 30 Nov 20:00 in Dubai: a visit at 09:00 the next morning is inside the 24 h reminder window.
    t.clock.set('2026-11-30T16:00:00Z');
    try {
      const near = (await book({ serviceId: FOLLOW_UP, practitionerId: 'prac-sara', start: '2026-12-01T09:00:00+04:00', patient })).json();
      expect((await stored(near.id)).map((m) => m.kind)).toEqual(['confirmation']);
    } finally {
      t.clock.set('2026-11-30T04:00:00Z');
    }
  });

  it('offers a cancelled slot to the first patient on the waitlist, held until accepted', async () => {
    const slotStart = '2026-12-10T09:00:00+04:00';
    const created = (await book({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: slotStart, patient })).json();
    const join = await t.app.inject({
      method: 'POST',
      url: '/api/waitlist',
      payload: { serviceId: FOLLOW_UP, dateFrom: '2026-12-09', dateTo: '2026-12-11', patient: { name: 'Noor Salem', email: 'noor@example.com' } },
    });
    expect(join.statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/bookings/${created.reference}/cancel?token=${created.manageToken}` });
    // Held for the waitlist: nobody else can book it.
    const grab = await book({ serviceId: FOLLOW_UP, practitionerId: AMIRA, start: slotStart, patient: { name: 'Other', email: 'o@example.com' } });
    expect(grab.statusCode).toBe(409);
    const [offer] = await readSentMessages(t.ctx, 'waitlist_offer');
    expect(offer?.recipient).toBe('noor@example.com');
    const token = /waitlist\/offer\/([A-Za-z0-9_-]+)/.exec(offer?.body ?? '')?.[1];
    expect(token).toBeDefined();
    const accepted = await t.app.inject({ method: 'POST', url: `/api/waitlist/offers/${token}/accept` });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'confirmed', start: slotStart, practitionerId: AMIRA });
    const again = await t.app.inject({ method: 'POST', url: `/api/waitlist/offers/${token}/accept` });
    expect(again.json().error.code).toBe('offer_expired');
  });

  it('lets the database itself refuse an overlapping appointment', async () => {
    const insert = (start: string, end: string) =>
      t.ctx.db.query(
        `insert into appointments (kind, practitioner_id, starts_at, ends_at, occupied) values ('block', 'prac-yousef', $1, $2, tstzrange($1, $2))`,
        [start, end],
      );
    await insert('2026-12-14T05:00:00Z', '2026-12-14T06:00:00Z');
    await expect(insert('2026-12-14T05:30:00Z', '2026-12-14T06:30:00Z')).rejects.toMatchObject({ code: '23P01' });
    // [) ranges: touching is not overlapping.
    await expect(insert('2026-12-14T06:00:00Z', '2026-12-14T07:00:00Z')).resolves.toBeDefined();
  });

  it('gives a visit the first room free at its time, chosen when it is written, and refuses it when none is', async () => {
    // Blocks in rooms 1 and 2 over Friday 18 December 09:00 (Dubai), each with no practitioner.
    const blockRoom = (roomId: string) =>
      t.ctx.db.query(`insert into appointments (kind, room_id, starts_at, ends_at, occupied) values ('block', $1, $2, $3, tstzrange($2, $3))`, [
        roomId,
        '2026-12-18T04:30:00Z',
        '2026-12-18T06:30:00Z',
      ]);
    await blockRoom('room-1');
    await blockRoom('room-2');
    const at = (practitionerId: string) => ({ serviceId: FOLLOW_UP, practitionerId, start: '2026-12-18T09:00:00+04:00', patient });
    const first = await book(at('prac-amira'));
    expect(first.statusCode).toBe(201);
    expect(first.json<{ roomId: string }>().roomId).toBe('room-3');
    const stored = await t.ctx.db.query<{ room_id: string }>('select room_id from appointments where id = $1', [first.json<{ id: string }>().id]);
    expect(stored[0]?.room_id).toBe('room-3');
    // Another therapist is free at 09:00, but no room is: refused, and nothing is written.
    const before = await countAppointments();
    const second = await book(at('prac-omar'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('slot_unavailable');
    expect(await countAppointments()).toBe(before);
  });

  it('books exactly 10 of 10 slots when 200 requests race for them', async () => {
    // Ten independent slots: three therapists at 09:00 on four days (ten of the twelve). Three
    // therapists at one time also need all three rooms, so the room constraint races too.
    const slots = ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17']
      .flatMap((day) => ['prac-amira', 'prac-omar', 'prac-sara'].map((practitionerId) => ({ practitionerId, start: `${day}T09:00:00+04:00` })))
      .slice(0, 10);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const slot = slots[i % 10];
        return book({ serviceId: FOLLOW_UP, ...slot, patient: { name: `Racer ${i}`, email: `racer${i}@example.com` } });
      }),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(190);
    const overlaps = await t.ctx.db.query<{ n: number }>(
      `select count(*)::int as n from appointments a join appointments b on a.id < b.id
       where a.status <> 'cancelled' and b.status <> 'cancelled' and a.occupied && b.occupied
         and (a.practitioner_id = b.practitioner_id or a.room_id = b.room_id)`,
    );
    expect(overlaps[0]?.n).toBe(0);
  });
});
