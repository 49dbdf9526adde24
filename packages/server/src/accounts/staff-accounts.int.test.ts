import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { DEMO_PASSWORD } from '../database/seed-demo-clinic.ts';
import { currentTotp } from '../lib/two-factor.ts';
import { startApp } from '../start-app.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets, openTestDatabase } from '../test-support/test-database.ts';
import { issueSetupLinkIfNoStaff } from './first-run-setup.ts';
import { fillLinks, openLinks } from '../lib/seal-links.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

async function login(app: FastifyInstance, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === 'myomap_session');
  const body = res.json();
  return { res, body, headers: { cookie: `myomap_session=${cookie?.value}`, 'x-csrf-token': body.csrfToken as string } satisfies Headers };
}

/** The headers of the session a response set, keeping the CSRF token it returned. */
function rotated(res: { cookies: { name: string; value: string }[]; json(): { csrfToken: string } }): Headers {
  const cookie = res.cookies.find((c) => c.name === 'myomap_session');
  if (!cookie) throw new Error('no new session cookie');
  return { cookie: `myomap_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
}

const tokenOf = (link: string) => link.split('/').pop() ?? '';
const ADMIN = { email: 'huda@clinic.example', name: 'Huda Al Mansoori', password: 'cedar window morning 42' };

describe.each(databaseTargets)('staff accounts on %s', (target) => {
  let t: TestApp;
  let admin: Headers;
  let totpSecret: string;
  let recoveryCodes: string[];
  const inject = (options: InjectOptions) => t.app.inject(options);
  const auditActions = async () => (await t.ctx.db.query<{ action: string }>('select action from audit_log order by id')).map((r) => r.action);
  const lastAccountEmail = async (to: string) => {
    const [row] = await t.ctx.db.query<{ body_text: string; sealed_links: string | null }>(
      `select body_text, sealed_links from outbox where kind = 'staff_account' and recipient = $1 order by created_at desc, id desc limit 1`,
      [to],
    );
    // The stored body holds the link sealed (no live token); the worker opens it only to send.
    expect(row?.body_text).not.toMatch(/\/staff\/welcome\/[\w-]{8,}/);
    const sent = row?.sealed_links ? fillLinks(row.body_text, openLinks(t.ctx.config.sessionSecret, row.sealed_links)) : '';
    const link = /\/staff\/welcome\/([\w-]+)/.exec(sent)?.[1];
    if (!link) throw new Error(`no account email to ${to}`);
    return link;
  };

  beforeAll(async () => {
    t = await createTestApp(target, { demoStaff: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('first run: a setup link expires, works once, and creates exactly one admin', async () => {
    const stale = await issueSetupLinkIfNoStaff(t.ctx.db, t.clock.now(), 'http://myomap.test');
    t.clock.advance(25 * 3_600_000);
    expect((await inject({ method: 'GET', url: `/api/auth/links/${tokenOf(stale ?? '')}` })).json().error.code).toBe('link_invalid');

    const link = await issueSetupLinkIfNoStaff(t.ctx.db, t.clock.now(), 'http://myomap.test');
    expect(link).toMatch(/^http:\/\/myomap\.test\/setup\//);
    const url = `/api/auth/links/${tokenOf(link ?? '')}`;
    expect((await inject({ method: 'GET', url })).json()).toEqual({ purpose: 'setup', email: null, name: null });

    const weak = await inject({ method: 'POST', url, payload: { ...ADMIN, password: 'password1234' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('password_too_weak');
    const short = await inject({ method: 'POST', url, payload: { ...ADMIN, password: 'short' } });
    expect(short.json().error.details.problems).toContain('too_short');
    expect((await inject({ method: 'POST', url, payload: { password: ADMIN.password } })).json().error.code).toBe('validation_failed');
    expect(await t.ctx.db.query('select 1 from staff_users')).toHaveLength(0);

    expect((await inject({ method: 'POST', url, payload: ADMIN })).statusCode).toBe(200);
    const again = await inject({ method: 'POST', url, payload: { ...ADMIN, email: 'other@clinic.example' } });
    expect(again.json().error.code).toBe('link_invalid');
    expect(await issueSetupLinkIfNoStaff(t.ctx.db, t.clock.now(), 'http://myomap.test')).toBeUndefined();
    expect(await t.ctx.db.query(`select email, role from staff_users`)).toEqual([{ email: ADMIN.email, role: 'admin' }]);
    expect(await auditActions()).toContain('staff_user.first_admin_created');
  });

  it('an admin must set up two-factor before doing anything else', async () => {
    const { body, headers } = await login(t.app, ADMIN.email, ADMIN.password);
    expect(body.stage).toBe('enrol');
    const blocked = await inject({ method: 'GET', url: '/api/staff/users', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('two_factor_enrolment_required');
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers })).json()).toMatchObject({
      stage: 'enrol',
      twoFactor: { enabled: false, required: true },
    });
    expect((await inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers, payload: { code: '123456' } })).json().error.code).toBe(
      'two_factor_not_started',
    );

    const setup = await inject({ method: 'POST', url: '/api/auth/two-factor/setup', headers });
    expect(setup.statusCode).toBe(200);
    totpSecret = setup.json().secret;
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\/Myomap:/);
    expect(setup.json().qrSvg).toMatch(/^<svg/);
    // The secret is stored encrypted, never as given.
    const [stored] = await t.ctx.db.query<{ totp_pending_enc: string }>('select totp_pending_enc from staff_users where email = $1', [ADMIN.email]);
    expect(stored?.totp_pending_enc).not.toContain(totpSecret);

    const wrong = await inject({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      headers,
      payload: { code: '000000' === currentTotp(totpSecret, t.clock.now()) ? '111111' : '000000' },
    });
    expect(wrong.json().error.code).toBe('invalid_two_factor_code');
    const enabled = await inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers, payload: { code: currentTotp(totpSecret, t.clock.now()) } });
    expect(enabled.statusCode).toBe(200);
    recoveryCodes = enabled.json().recoveryCodes;
    expect(new Set(recoveryCodes).size).toBe(10);
    admin = rotated(enabled);
    expect((await inject({ method: 'GET', url: '/api/staff/users', headers: admin })).statusCode).toBe(200);
    // The enrolment-only session was replaced, not upgraded.
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    const hashes = await t.ctx.db.query<{ code_hash: string }>('select code_hash from staff_recovery_codes');
    expect(hashes.map((h) => h.code_hash)).not.toContain(recoveryCodes[0]);
  });

  it('signs in with a code, refuses the same code twice, and takes each recovery code once', async () => {
    const first = await login(t.app, ADMIN.email, ADMIN.password);
    expect(first.body).toEqual({ stage: 'two_factor', csrfToken: expect.any(String) });
    expect((await inject({ method: 'GET', url: '/api/staff/users', headers: first.headers })).json().error.code).toBe('unauthenticated');
    // The code of the step used at enrolment was spent there.
    const replay = await inject({
      method: 'POST',
      url: '/api/auth/login/two-factor',
      headers: first.headers,
      payload: { code: currentTotp(totpSecret, t.clock.now()) },
    });
    expect(replay.json().error.code).toBe('invalid_two_factor_code');

    t.clock.advance(30_000);
    const code = currentTotp(totpSecret, t.clock.now());
    const ok = await inject({ method: 'POST', url: '/api/auth/login/two-factor', headers: first.headers, payload: { code } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe(ADMIN.email);
    expect((await inject({ method: 'GET', url: '/api/staff/users', headers: rotated(ok) })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: first.headers })).statusCode).toBe(401);

    const second = await login(t.app, ADMIN.email, ADMIN.password);
    const reused = await inject({ method: 'POST', url: '/api/auth/login/two-factor', headers: second.headers, payload: { code } });
    expect(reused.json().error.code).toBe('invalid_two_factor_code');
    const recovery = recoveryCodes[0]?.toUpperCase() ?? '';
    expect((await inject({ method: 'POST', url: '/api/auth/login/two-factor', headers: second.headers, payload: { code: recovery } })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/two-factor', headers: admin })).json()).toMatchObject({
      enabled: true,
      required: true,
      recoveryCodesLeft: 9,
    });

    const third = await login(t.app, ADMIN.email, ADMIN.password);
    expect((await inject({ method: 'POST', url: '/api/auth/login/two-factor', headers: third.headers, payload: { code: recovery } })).json().error.code).toBe(
      'invalid_two_factor_code',
    );
    expect(
      (await inject({ method: 'POST', url: '/api/auth/login/two-factor', headers: third.headers, payload: { code: recoveryCodes[1] ?? '' } })).statusCode,
    ).toBe(200);
    // Two wrong codes above count as failed sign-ins; clear the window for the next tests.
    t.clock.advance(16 * 60_000);
  });

  it('admins invite staff, who set their own password from the emailed link', async () => {
    const invite = await inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: admin,
      payload: { email: 'Nadia@Clinic.example', name: 'Nadia Fares', role: 'therapist' },
    });
    expect(invite.statusCode).toBe(201);
    expect(
      (
        await inject({ method: 'POST', url: '/api/staff/users', headers: admin, payload: { email: 'nadia@clinic.example', name: 'N', role: 'reception' } })
      ).json().error.code,
    ).toBe('email_taken');
    expect(
      (await inject({ method: 'POST', url: '/api/staff/users', headers: admin, payload: { email: 'x@clinic.example', name: 'X', role: 'owner' } })).statusCode,
    ).toBe(400);
    // Invited, no password yet: nothing signs in.
    expect((await login(t.app, 'nadia@clinic.example', '')).res.statusCode).toBe(400);
    const token = await lastAccountEmail('nadia@clinic.example');
    expect((await inject({ method: 'GET', url: `/api/auth/links/${token}` })).json()).toEqual({
      purpose: 'invite',
      email: 'nadia@clinic.example',
      name: 'Nadia Fares',
    });
    const weak = await inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'nadia-2026-clinic' } });
    expect(weak.json().error.details.problems).toEqual(['contains_email']);
    expect((await inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'olive grove at dusk 7' } })).statusCode).toBe(200);
    expect((await inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'olive grove at dusk 8' } })).json().error.code).toBe(
      'link_invalid',
    );
    const nadia = await login(t.app, 'nadia@clinic.example', 'olive grove at dusk 7');
    // Two-factor is optional for a therapist.
    expect(nadia.body).toMatchObject({ stage: 'active', twoFactor: { enabled: false, required: false } });
    expect((await inject({ method: 'GET', url: '/api/staff/users', headers: nadia.headers })).json().error.code).toBe('forbidden');
    expect(await auditActions()).toEqual(expect.arrayContaining(['staff_user.invited', 'auth.invitation_accepted']));
  });

  it('keeps invitation links out of the reception mailbox', async () => {
    await inject({
      method: 'POST',
      url: '/api/staff/users',
      headers: admin,
      payload: { email: 'rania@clinic.example', name: 'Rania Haddad', role: 'reception' },
    });
    const token = await lastAccountEmail('rania@clinic.example');
    await inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'jasmine courtyard fountain' } });
    const reception = await login(t.app, 'rania@clinic.example', 'jasmine courtyard fountain');
    const mailbox = (await inject({ method: 'GET', url: '/api/staff/mailbox', headers: reception.headers })).json<{ kind: string }[]>();
    expect(mailbox.some((m) => m.kind === 'staff_account')).toBe(false);
    const adminMailbox = (await inject({ method: 'GET', url: '/api/staff/mailbox', headers: admin })).json<{ kind: string }[]>();
    expect(adminMailbox.some((m) => m.kind === 'staff_account')).toBe(true);
  });

  it('deactivating ends every session; a reset link sets a new password and signs out everywhere', async () => {
    const [nadia] = await t.ctx.db.query<{ id: string }>(`select id from staff_users where email = 'nadia@clinic.example'`);
    const id = nadia?.id ?? '';
    const session = await login(t.app, 'nadia@clinic.example', 'olive grove at dusk 7');
    expect((await inject({ method: 'POST', url: `/api/staff/users/${id}/deactivate`, headers: admin })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
    expect((await login(t.app, 'nadia@clinic.example', 'olive grove at dusk 7')).body.error.code).toBe('invalid_credentials');
    expect((await inject({ method: 'POST', url: `/api/staff/users/${id}/reset-password`, headers: admin })).json().error.code).toBe('conflict');
    await inject({ method: 'POST', url: `/api/staff/users/${id}/reactivate`, headers: admin });

    const before = await login(t.app, 'nadia@clinic.example', 'olive grove at dusk 7');
    expect((await inject({ method: 'POST', url: `/api/staff/users/${id}/reset-password`, headers: admin })).statusCode).toBe(200);
    const token = await lastAccountEmail('nadia@clinic.example');
    expect((await inject({ method: 'GET', url: `/api/auth/links/${token}` })).json().purpose).toBe('reset');
    expect((await inject({ method: 'POST', url: `/api/auth/links/${token}`, payload: { password: 'harbour lights at noon' } })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: before.headers })).statusCode).toBe(401);
    expect((await login(t.app, 'nadia@clinic.example', 'harbour lights at noon')).body.stage).toBe('active');

    const [me] = await t.ctx.db.query<{ id: string }>('select id from staff_users where email = $1', [ADMIN.email]);
    expect((await inject({ method: 'POST', url: `/api/staff/users/${me?.id}/deactivate`, headers: admin })).json().error.code).toBe('own_account');
    expect((await inject({ method: 'POST', url: '/api/staff/users/nobody/deactivate', headers: admin })).json().error.code).toBe('not_found');
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['staff_user.deactivated', 'staff_user.reactivated', 'staff_user.password_reset_sent', 'auth.password_reset']),
    );
  });

  it('a therapist turns two-factor on and off; an admin resets it for a lost phone', async () => {
    const nadia = await login(t.app, 'nadia@clinic.example', 'harbour lights at noon');
    const { secret } = (await inject({ method: 'POST', url: '/api/auth/two-factor/setup', headers: nadia.headers })).json();
    const on = await inject({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      headers: nadia.headers,
      payload: { code: currentTotp(secret, t.clock.now()) },
    });
    expect(on.statusCode).toBe(200);
    expect((await login(t.app, 'nadia@clinic.example', 'harbour lights at noon')).body.stage).toBe('two_factor');
    expect(
      (await inject({ method: 'POST', url: '/api/auth/two-factor/disable', headers: nadia.headers, payload: { password: 'wrong password here' } })).json().error
        .code,
    ).toBe('wrong_password');
    expect(
      (await inject({ method: 'POST', url: '/api/auth/two-factor/disable', headers: nadia.headers, payload: { password: 'harbour lights at noon' } }))
        .statusCode,
    ).toBe(200);
    expect((await login(t.app, 'nadia@clinic.example', 'harbour lights at noon')).body.stage).toBe('active');
    // An admin may not switch it off for themselves.
    expect(
      (await inject({ method: 'POST', url: '/api/auth/two-factor/disable', headers: admin, payload: { password: ADMIN.password } })).json().error.code,
    ).toBe('two_factor_required');

    const [rania] = await t.ctx.db.query<{ id: string }>(`select id from staff_users where email = 'rania@clinic.example'`);
    const reception = await login(t.app, 'rania@clinic.example', 'jasmine courtyard fountain');
    const { secret: s2 } = (await inject({ method: 'POST', url: '/api/auth/two-factor/setup', headers: reception.headers })).json();
    await inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers: reception.headers, payload: { code: currentTotp(s2, t.clock.now()) } });
    expect((await inject({ method: 'POST', url: `/api/staff/users/${rania?.id}/reset-two-factor`, headers: admin })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: reception.headers })).statusCode).toBe(401);
    expect((await login(t.app, 'rania@clinic.example', 'jasmine courtyard fountain')).body.stage).toBe('active');
    expect(await t.ctx.db.query(`select 1 from staff_recovery_codes where user_id = $1`, [rania?.id])).toHaveLength(0);
  });

  it('everyone changes their own password with the current one; other sessions end', async () => {
    const here = await login(t.app, 'rania@clinic.example', 'jasmine courtyard fountain');
    const there = await login(t.app, 'rania@clinic.example', 'jasmine courtyard fountain');
    const change = (currentPassword: string, newPassword: string) =>
      inject({ method: 'POST', url: '/api/auth/password', headers: here.headers, payload: { currentPassword, newPassword } });
    expect((await change('not my password', 'a brand new pass phrase')).json().error.code).toBe('wrong_password');
    expect((await change('jasmine courtyard fountain', 'qwertyuiop123')).json().error.code).toBe('password_too_weak');
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: { cookie: here.headers.cookie },
          payload: { currentPassword: 'x', newPassword: 'y' },
        })
      ).json().error.code,
    ).toBe('csrf_failed');
    expect((await change('jasmine courtyard fountain', 'a brand new pass phrase')).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: here.headers })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: there.headers })).statusCode).toBe(401);
    expect((await login(t.app, 'rania@clinic.example', 'jasmine courtyard fountain')).res.statusCode).toBe(401);
    expect((await login(t.app, 'rania@clinic.example', 'a brand new pass phrase')).res.statusCode).toBe(200);
    expect(await auditActions()).toContain('auth.password_changed');
  });
});

describe('the demo clinic', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });
  it('lets the demo admin and physician in with the password alone (they are exempt, and only in the demo)', async () => {
    await signIn(t.app, 'admin@demo.myomap.app');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'dr.yousef@demo.myomap.app', password: DEMO_PASSWORD } });
    expect(res.json()).toMatchObject({ stage: 'active', twoFactor: { enabled: false, required: false } });
  });
});

describe.each(databaseTargets)('production start on %s', (target) => {
  it('seeds no demo staff even with SEED_DEMO=1, and prints a setup link instead', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'myomap-prod-'));
    const database = target === 'postgres' ? await openTestDatabase('postgres') : undefined;
    await database?.db.close();
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-secret-of-at-least-32-chars',
      SEED_DEMO: '1',
      PORT: '0',
      OUTBOX_INTERVAL_MS: '0',
      DATA_DIR: dataDir,
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
    });
    const running = await startApp(config);
    try {
      expect(running.setupLink).toMatch(/\/setup\/[\w-]{40,}$/);
      const demo = await running.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@demo.myomap.app', password: DEMO_PASSWORD } });
      expect(demo.json().error.code).toBe('invalid_credentials');
      expect((await running.app.inject({ method: 'GET', url: '/api/services' })).json().length).toBeGreaterThan(0);
    } finally {
      await running.stop();
      await database?.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
    // A cold on-disk PGlite start plus migrations: allow for a busy machine.
  }, 180_000);
});
