import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test-support/test-app.ts';

/** Who may call what: every staff route names its roles; these probe one route of each family. */
describe('access control', () => {
  let t: TestApp;
  let staff: Record<'admin' | 'reception' | 'therapist' | 'physician', Record<string, string>>;
  let patientId: string;
  let assessmentId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    staff = {
      admin: await signIn(t.app, 'admin@demo.myomap.app'),
      reception: await signIn(t.app, 'reception@demo.myomap.app'),
      therapist: await signIn(t.app, 'amira@demo.myomap.app'),
      physician: await signIn(t.app, 'dr.yousef@demo.myomap.app'),
    };
    patientId = (
      await t.app.inject({ method: 'POST', url: '/api/staff/patients', headers: staff.reception, payload: { name: 'Rana Aziz', email: 'rana@example.com' } })
    ).json().id;
    assessmentId = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: staff.therapist })).json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('asks anyone without a session to sign in', async () => {
    for (const url of [
      '/api/staff/calendar?from=2026-12-01&to=2026-12-02',
      '/api/staff/patients',
      `/api/staff/assessments/${assessmentId}`,
      '/api/staff/audit',
      '/api/staff/reviews',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it.each([
    ['reception reads an assessment', 'reception', 'GET', (): string => `/api/staff/assessments/${assessmentId}`],
    ['reception reads the safety screen', 'reception', 'GET', (): string => `/api/staff/patients/${patientId}/safety`],
    ['reception reads the audit log', 'reception', 'GET', (): string => '/api/staff/audit'],
    ['a therapist reads the audit log', 'therapist', 'GET', (): string => '/api/staff/audit'],
    ['a therapist reads the mailbox', 'therapist', 'GET', (): string => '/api/staff/mailbox'],
    ['a therapist opens the review queue', 'therapist', 'GET', (): string => '/api/staff/reviews'],
    ['a therapist creates a room', 'therapist', 'POST', (): string => '/api/staff/rooms'],
    ['a physician books a visit', 'physician', 'POST', (): string => '/api/staff/appointments'],
    ['an admin writes an assessment', 'admin', 'PUT', (): string => `/api/staff/assessments/${assessmentId}`],
    ['reception signs a plan review', 'reception', 'POST', (): string => `/api/staff/patients/${patientId}/reviews`],
    ['a physician merges patient records', 'physician', 'POST', (): string => `/api/staff/patients/${patientId}/merge`],
    ['a therapist marks a self-registered patient checked', 'therapist', 'POST', (): string => `/api/staff/patients/${patientId}/verify`],
  ] as const)('refuses %s with 403', async (_name, role, method, url) => {
    const res = await t.app.inject({ method, url: url(), headers: staff[role], ...(method === 'GET' ? {} : { payload: {} }) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('lets reception see a patient’s visits but not their clinical records', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}`, headers: staff.reception });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ canSeeClinical: false, assessments: [] });
    const therapist = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}`, headers: staff.therapist });
    expect(therapist.json().assessments).toHaveLength(1);
  });

  it('refuses a state change without the session’s CSRF token', async () => {
    const { cookie } = staff.reception;
    const res = await t.app.inject({ method: 'POST', url: '/api/staff/patients', headers: { cookie }, payload: { name: 'X Y', email: 'x@example.com' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/staff/patients',
      headers: { cookie, 'x-csrf-token': 'guess' },
      payload: { name: 'X Y', email: 'x@example.com' },
    });
    expect(forged.json().error.code).toBe('csrf_failed');
  });

  it('makes one address wait after five wrong passwords, even with the right one', async () => {
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'sara@demo.myomap.app', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).json().error.code).toBe('invalid_credentials');
    const locked = await attempt('myomap-demo');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    t.clock.advance(16 * 60_000);
    expect((await attempt('myomap-demo')).statusCode).toBe(200);
  });

  it('signs a user out on every device', async () => {
    const laptop = await signIn(t.app, 'omar@demo.myomap.app');
    const phone = await signIn(t.app, 'omar@demo.myomap.app');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: phone });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: laptop })).statusCode).toBe(401);
  });
});
