import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortalSession } from '../test-support/open-portal-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { bookOnline } from '../test-support/book-online.ts';

/**
 * Two patients with visits: each sees, cancels and moves only their own, by the same code as the
 * manage link (scheduling/manage-booking.ts), and an id guessed or copied from the other patient
 * opens nothing. Every read is in the audit log with the patient as the actor.
 */
const FOLLOW_UP = 'svc-nmt-follow-60';
const AMIRA = 'prac-amira';

describe.each(databaseTargets)('portal visits on %s', (target) => {
  let test: TestApp;
  let a: Awaited<ReturnType<typeof openPortalSession>>;
  let b: Awaited<ReturnType<typeof openPortalSession>>;
  const visit: Record<string, string> = {};

  const book = async (email: string, start: string) =>
    (await bookOnline(test, { email }, start, { serviceId: FOLLOW_UP, practitionerId: AMIRA })).appointmentId;

  beforeAll(async () => {
    test = await createTestApp(target);
    visit.a = await book('aisha@example.com', '2026-12-01T09:00:00+04:00');
    visit.b = await book('bilal@example.com', '2026-12-01T11:00:00+04:00');
    a = await openPortalSession(test.app, test.ctx, 'aisha@example.com');
    b = await openPortalSession(test.app, test.ctx, 'bilal@example.com');
  });
  afterAll(() => test.close());

  it('lists only the signed-in patient’s own visits', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/visits', headers: a });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ upcoming: { id: string; canChange: boolean }[]; past: unknown[] }>();
    expect(body.upcoming.map((v) => v.id)).toEqual([visit.a]);
    expect(body.upcoming[0]?.canChange).toBe(true);
    expect(body.past).toEqual([]);
  });

  it('refuses to cancel or move another patient’s visit by its id, and leaves it as it was', async () => {
    const cancel = await test.app.inject({ method: 'POST', url: `/api/portal/visits/${visit.b}/cancel`, headers: a });
    expect(cancel.statusCode).toBe(404);
    expect(cancel.json().error.code).toBe('not_found');
    const move = await test.app.inject({
      method: 'POST',
      url: `/api/portal/visits/${visit.b}/reschedule`,
      headers: a,
      payload: { start: '2026-12-03T09:00:00+04:00' },
    });
    expect(move.statusCode).toBe(404);
    const bs = await test.app.inject({ method: 'GET', url: '/api/portal/visits', headers: b });
    expect(bs.json<{ upcoming: { id: string; start: string; status: string }[] }>().upcoming).toMatchObject([
      { id: visit.b, start: '2026-12-01T11:00:00+04:00', status: 'confirmed' },
    ]);
  });

  it('moves the patient’s own visit to an open slot, and refuses one that is taken', async () => {
    const taken = await test.app.inject({
      method: 'POST',
      url: `/api/portal/visits/${visit.a}/reschedule`,
      headers: a,
      payload: { start: '2026-12-01T11:00:00+04:00' },
    });
    expect(taken.json().error.code).toBe('slot_unavailable');
    const open = await test.app.inject({
      method: 'GET',
      url: `/api/availability?serviceId=${FOLLOW_UP}&from=2026-12-07&to=2026-12-07&practitionerId=${AMIRA}`,
    });
    const start = open.json<{ slots: { start: string }[] }>().slots[0]?.start ?? '';
    const moved = await test.app.inject({
      method: 'POST',
      url: `/api/portal/visits/${visit.a}/reschedule`,
      headers: a,
      payload: { start },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: visit.a, start, status: 'confirmed' });
  });

  it('needs the CSRF token to change a visit', async () => {
    const res = await test.app.inject({ method: 'POST', url: `/api/portal/visits/${visit.a}/cancel`, headers: { cookie: a.cookie } });
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('cancels within the clinic’s rules and refuses after the window closes', async () => {
    const cancelled = await test.app.inject({ method: 'POST', url: `/api/portal/visits/${visit.a}/cancel`, headers: a });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const list = await test.app.inject({ method: 'GET', url: '/api/portal/visits', headers: a });
    expect(list.json<{ past: { id: string }[] }>().past.map((v) => v.id)).toEqual([visit.a]);
    test.clock.set(new Date('2026-12-01T06:30:00Z')); // 10:30 in Sharjah, half an hour before Bilal's visit
    b = await openPortalSession(test.app, test.ctx, 'bilal@example.com', '10.9.9.8');
    const late = await test.app.inject({ method: 'POST', url: `/api/portal/visits/${visit.b}/cancel`, headers: b });
    expect(late.json().error.code).toBe('cancellation_window_passed');
  });

  it('audits every portal read with the patient as the actor', async () => {
    const rows = await test.ctx.db.query<{ actor_type: string; actor_id: string; actor_role: string }>(
      `select actor_type, actor_id, actor_role from audit_log where action = 'portal.visits.read'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => `${r.actor_type}/${r.actor_role}`))).toEqual(new Set(['patient/patient']));
  });
});
