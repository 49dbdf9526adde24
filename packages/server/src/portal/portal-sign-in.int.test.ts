import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentMessages } from '../test-support/read-outbox.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { MAX_FAILED_CODES } from './sign-in-portal.ts';

/**
 * Passwordless portal sign-in on a real database: the answer never tells whether an email is on
 * file, a link and a code work once, wrong codes run out, and a portal session is no staff
 * session (nor the other way round).
 */
describe.each(databaseTargets)('portal sign-in on %s', (target) => {
  let test: TestApp;
  const ids: Record<string, string> = {};

  async function addPatient(key: string, name: string, email: string): Promise<void> {
    const [row] = await test.ctx.db.query<{ id: string }>(`insert into patients (name, email) values ($1, $2) returning id`, [name, email]);
    ids[key] = row?.id ?? '';
  }

  async function ask(email: string, ip = '10.0.0.1') {
    return test.app.inject({ method: 'POST', url: '/api/portal/sign-in', payload: { email, language: 'en' }, remoteAddress: ip });
  }

  function lastMessage(messages: { body: string }[]): { token: string; code: string } {
    const body = messages.at(-1)?.body ?? '';
    return { token: /portal\/sign-in\?token=([\w-]+)/.exec(body)?.[1] ?? '', code: /(\d{6})/.exec(body)?.[1] ?? '' };
  }

  beforeAll(async () => {
    test = await createTestApp(target);
    await addPatient('mother', 'Mariam Family', 'family@example.com');
    await addPatient('child', 'Yousef Family', 'Family@Example.com');
    await addPatient('other', 'Other Person', 'other@example.com');
  });
  afterAll(() => test.close());

  it('answers the same for an email on file and one that is not, and sends only to the one on file', async () => {
    const known = await ask('family@example.com');
    const unknown = await ask('nobody@example.com');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    expect(await readSentMessages(test.ctx, 'portal_sign_in', 'nobody@example.com')).toEqual([]);
    expect(await readSentMessages(test.ctx, 'portal_sign_in', 'family@example.com')).toHaveLength(1);
  });

  it('keeps the code out of what staff read: the stored body holds neither the link token nor the code', async () => {
    const [row] = await test.ctx.db.query<{ body_text: string }>(`select body_text from outbox where kind = 'portal_sign_in' order by created_at desc limit 1`);
    const { token, code } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'family@example.com'));
    expect(token.length).toBeGreaterThan(20);
    expect(row?.body_text).not.toContain(token);
    expect(row?.body_text).not.toContain(code);
  });

  it('signs in once with the link, lists every patient of the email, and refuses the link a second time', async () => {
    const { token } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'family@example.com'));
    const first = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
    expect(first.statusCode).toBe(200);
    expect(first.cookies.find((c) => c.name === 'myomap_portal')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(first.json<{ patients: { id: string }[] }>().patients.map((p) => p.id)).toEqual([ids.mother, ids.child]);
    const again = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('link_invalid');
  });

  it('refuses a link after 15 minutes', async () => {
    await ask('other@example.com', '10.0.0.2');
    const { token } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'other@example.com'));
    test.clock.advance(16 * 60_000);
    const late = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
    expect(late.json().error.code).toBe('link_invalid');
  });

  it('signs in with the code, and a wrong code counts until the code is dead', async () => {
    await ask('other@example.com', '10.0.0.3');
    const { code } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'other@example.com'));
    const wrong = code === '000000' ? '000001' : '000000';
    const bad = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/code', payload: { email: 'other@example.com', code: wrong } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_credentials');
    const good = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/code', payload: { email: 'OTHER@example.com', code } });
    expect(good.statusCode).toBe(200);
    expect(good.json<{ currentPatientId: string }>().currentPatientId).toBe(ids.other);

    await ask('other@example.com', '10.0.0.4');
    const next = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'other@example.com'));
    const miss = next.code === '999999' ? '999998' : '999999';
    for (let i = 0; i < MAX_FAILED_CODES; i++) {
      await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/code', payload: { email: 'other@example.com', code: miss } });
    }
    test.clock.advance(60 * 60_000); // past any throttle delay: only the row's own limit is left
    const late = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/code', payload: { email: 'other@example.com', code: next.code } });
    expect(late.json().error.code).toBe('invalid_credentials');
  });

  it('limits how often one email is sent a link, the same for an email that is not on file', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask('someone-new@example.com', `10.1.0.${i}`)).statusCode);
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(statuses).toContain(429);
  });

  it('keeps portal and staff sessions apart', async () => {
    const staff = await signIn(test.app, 'admin@demo.myomap.app');
    const asStaff = await test.app.inject({ method: 'GET', url: '/api/portal/session', headers: staff });
    expect(asStaff.statusCode).toBe(401);
    await ask('family@example.com', '10.2.0.1');
    const { token } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'family@example.com'));
    const signed = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
    const cookie = `myomap_portal=${signed.cookies.find((c) => c.name === 'myomap_portal')?.value ?? ''}`;
    const staffRoute = await test.app.inject({ method: 'GET', url: '/api/staff/calendar?date=2026-11-30', headers: { cookie } });
    expect(staffRoute.statusCode).toBe(401);
    const mine = await test.app.inject({ method: 'GET', url: '/api/portal/session', headers: { cookie } });
    expect(mine.statusCode).toBe(200);
  });

  it('switches only between patients of the signed-in email, and needs the CSRF token to do so', async () => {
    await ask('family@example.com', '10.3.0.1');
    const { token } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'family@example.com'));
    const signed = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
    const headers = {
      cookie: `myomap_portal=${signed.cookies.find((c) => c.name === 'myomap_portal')?.value ?? ''}`,
      'x-csrf-token': signed.json<{ csrfToken: string }>().csrfToken,
    };
    const noCsrf = await test.app.inject({
      method: 'POST',
      url: '/api/portal/session/patient',
      headers: { cookie: headers.cookie },
      payload: { patientId: ids.child },
    });
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    const child = await test.app.inject({ method: 'POST', url: '/api/portal/session/patient', headers, payload: { patientId: ids.child } });
    expect(child.json<{ currentPatientId: string }>().currentPatientId).toBe(ids.child);
    const stranger = await test.app.inject({ method: 'POST', url: '/api/portal/session/patient', headers, payload: { patientId: ids.other } });
    expect(stranger.statusCode).toBe(404);
    const still = await test.app.inject({ method: 'GET', url: '/api/portal/session', headers });
    expect(still.json<{ currentPatientId: string }>().currentPatientId).toBe(ids.child);
  });

  it('records the family relationship for a record of the email only', async () => {
    await ask('family@example.com', '10.4.0.1');
    const { token } = lastMessage(await readSentMessages(test.ctx, 'portal_sign_in', 'family@example.com'));
    const signed = await test.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
    const headers = {
      cookie: `myomap_portal=${signed.cookies.find((c) => c.name === 'myomap_portal')?.value ?? ''}`,
      'x-csrf-token': signed.json<{ csrfToken: string }>().csrfToken,
    };
    const parent = await test.app.inject({ method: 'PUT', url: `/api/portal/relationships/${ids.child}`, headers, payload: { relationship: 'parent' } });
    expect(parent.statusCode).toBe(200);
    expect(parent.json<{ patients: { id: string; relationship: string | null }[] }>().patients).toMatchObject([
      { id: ids.mother, relationship: null },
      { id: ids.child, relationship: 'parent' },
    ]);
    const stranger = await test.app.inject({ method: 'PUT', url: `/api/portal/relationships/${ids.other}`, headers, payload: { relationship: 'parent' } });
    expect(stranger.statusCode).toBe(404);
    const rows = await test.ctx.db.query<{ patient_id: string }>('select patient_id from portal_relationships');
    expect(rows.map((r) => r.patient_id)).toEqual([ids.child]);
  });
});
