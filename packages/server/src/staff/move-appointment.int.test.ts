import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffSession } from '../test-support/open-staff-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

/** A staff move tells the patient only when staff say so; the reminder always follows the visit. */
describe.each(databaseTargets)('moving a visit on the staff calendar on %s', (target) => {
  let t: TestApp;
  let reception: Headers;

  beforeAll(async () => {
    t = await createTestApp(target);
    reception = await openStaffSession(t.ctx.db, 'reception@demo.myomap.app', t.clock.now());
  }, 240_000);
  afterAll(async () => t?.close());

  async function book(email: string, start: string): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments',
      headers: reception,
      payload: { serviceId: 'svc-nmt-follow-60', practitionerId: 'prac-sara', start, patient: { name: 'Rana Aziz', email, phone: '+971 50 765 4321' } },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }

  function move(id: string, payload: Record<string, unknown>) {
    return t.app.inject({ method: 'PATCH', url: `/api/staff/appointments/${id}`, headers: reception, payload });
  }

  async function outbox(id: string) {
    return t.ctx.db.query<{ kind: string; status: string; send_after: Date }>(
      'select kind, status, send_after from outbox where appointment_id = $1 order by created_at, kind',
      [id],
    );
  }

  it('queues a rescheduled message when the patient is to be told (the default and true)', async () => {
    const id = await book('rana.default@example.com', '2026-12-08T09:00:00+04:00');
    expect((await move(id, { start: '2026-12-08T11:00:00+04:00' })).statusCode).toBe(200);
    expect((await outbox(id)).filter((m) => m.kind === 'rescheduled')).toHaveLength(1);
    expect((await move(id, { start: '2026-12-08T12:00:00+04:00', notifyPatient: true })).statusCode).toBe(200);
    expect((await outbox(id)).filter((m) => m.kind === 'rescheduled')).toHaveLength(2);
  });

  it('queues no message with notifyPatient false, yet moves the reminder to the new time', async () => {
    const id = await book('rana.quiet@example.com', '2026-12-09T09:00:00+04:00');
    const moved = await move(id, { start: '2026-12-09T13:00:00+04:00', notifyPatient: false });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2026-12-09T13:00:00+04:00' });
    const messages = await outbox(id);
    expect(messages.filter((m) => m.kind === 'rescheduled')).toHaveLength(0);
    const pending = messages.filter((m) => m.kind === 'reminder' && m.status === 'pending');
    expect(pending.map((m) => m.send_after.toISOString())).toEqual(['2026-12-08T09:00:00.000Z']);
    const [audit] = await t.ctx.db.query<{ after: { notifyPatient?: boolean } }>(
      `select after from audit_log where action = 'appointment.move' and entity_id = $1`,
      [id],
    );
    expect(audit?.after.notifyPatient).toBe(false);
  });

  it("an undo (moving back without telling) leaves the first time's reminder pending, once", async () => {
    const id = await book('rana.undo@example.com', '2026-12-10T09:00:00+04:00');
    expect((await move(id, { start: '2026-12-10T15:00:00+04:00' })).statusCode).toBe(200);
    expect((await move(id, { start: '2026-12-10T09:00:00+04:00', notifyPatient: false })).statusCode).toBe(200);
    const messages = await outbox(id);
    const pending = messages.filter((m) => m.kind === 'reminder' && m.status === 'pending');
    expect(pending.map((m) => m.send_after.toISOString())).toEqual(['2026-12-09T05:00:00.000Z']);
    expect(messages.filter((m) => m.kind === 'rescheduled')).toHaveLength(1);
  });

  it('refuses a notifyPatient that is not a boolean and changes nothing', async () => {
    const id = await book('rana.bad@example.com', '2026-12-11T09:00:00+04:00');
    const res = await move(id, { start: '2026-12-11T11:00:00+04:00', notifyPatient: 'no' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    const [row] = await t.ctx.db.query<{ starts_at: Date }>('select starts_at from appointments where id = $1', [id]);
    expect(row?.starts_at.toISOString()).toBe('2026-12-11T05:00:00.000Z');
  });
});
