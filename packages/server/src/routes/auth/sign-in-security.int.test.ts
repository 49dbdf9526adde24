import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../database/seed-demo-clinic.ts';
import { createTestApp, signIn, type TestApp } from '../../test-support/test-app.ts';
import { databaseTargets } from '../../test-support/test-database.ts';

type Login = { email: string; password: string; ip?: string; forwardedFor?: string };

describe.each(databaseTargets)('sign-in throttling and sessions on %s', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (l: Login) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: l.email, password: l.password },
      remoteAddress: l.ip ?? '127.0.0.1',
      headers: l.forwardedFor ? { 'x-forwarded-for': l.forwardedFor } : {},
    });
  const attempts = async (email: string) =>
    t.ctx.db.query<{ ip: string; succeeded: boolean }>('select ip, succeeded from login_attempts where email = $1 order by id', [email]);

  it('checks only the free guesses when twenty wrong ones arrive at once, and never locks the user out from elsewhere', async () => {
    const email = 'omar@demo.myomap.app';
    const results = await Promise.all(Array.from({ length: 20 }, () => login({ email, password: 'wrong-password', ip: '10.0.0.1' })));
    const codes = results.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(5);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(15);
    expect((await attempts(email)).length).toBe(5);
    const refused = results.find((r) => r.statusCode === 429);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // The same address must wait; the real user at another address signs in at once.
    const fromAttacker = await login({ email, password: DEMO_PASSWORD, ip: '10.0.0.1' });
    expect(fromAttacker.statusCode).toBe(429);
    expect(fromAttacker.json().error.code).toBe('rate_limited');
    const fromUser = await login({ email, password: DEMO_PASSWORD, ip: '10.0.0.2' });
    expect(fromUser.statusCode).toBe(200);
  });

  it('lets the same address try again after the delay, and the delay grows with each failure', async () => {
    const email = 'sara@demo.myomap.app';
    for (let i = 0; i < 5; i++) expect((await login({ email, password: 'wrong', ip: '10.0.1.1' })).json().error.code).toBe('invalid_credentials');
    expect((await login({ email, password: DEMO_PASSWORD, ip: '10.0.1.1' })).statusCode).toBe(429);
    t.clock.advance(1_000);
    expect((await login({ email, password: 'wrong', ip: '10.0.1.1' })).json().error.code).toBe('invalid_credentials');
    // The sixth failure asks for 2 s: one second is not enough.
    t.clock.advance(1_000);
    const early = await login({ email, password: DEMO_PASSWORD, ip: '10.0.1.1' });
    expect(early.json().error.code).toBe('rate_limited');
    expect(early.json().error.details.retryAfterSeconds).toBe(1);
    t.clock.advance(1_000);
    expect((await login({ email, password: DEMO_PASSWORD, ip: '10.0.1.1' })).statusCode).toBe(200);
    // A success starts the address afresh.
    expect((await login({ email, password: 'wrong', ip: '10.0.1.1' })).json().error.code).toBe('invalid_credentials');
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, and records the real address', async () => {
    const email = 'dr.yousef@demo.myomap.app';
    // Rotating a spoofed header does not escape the per-address throttle.
    for (let i = 0; i < 5; i++) await login({ email, password: 'wrong', ip: '10.0.2.1', forwardedFor: `203.0.113.${i}` });
    const spoofed = await login({ email, password: 'wrong', ip: '10.0.2.1', forwardedFor: '203.0.113.99' });
    expect(spoofed.json().error.code).toBe('rate_limited');
    expect(new Set((await attempts(email)).map((a) => a.ip))).toEqual(new Set(['10.0.2.1']));

    const behindProxy = await createTestApp(target, { config: { trustProxy: ['10.9.9.9'] } });
    try {
      const viaProxy = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        headers: { 'x-forwarded-for': '198.51.100.7' },
        payload: { email, password: 'wrong' },
      });
      expect(viaProxy.json().error.code).toBe('invalid_credentials');
      const notProxy = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.2.2',
        headers: { 'x-forwarded-for': '198.51.100.8' },
        payload: { email, password: 'wrong' },
      });
      expect(notProxy.json().error.code).toBe('invalid_credentials');
      const rows = await behindProxy.ctx.db.query<{ ip: string }>('select ip from login_attempts where email = $1 order by id', [email]);
      expect(rows.map((r) => r.ip)).toEqual(['198.51.100.7', '10.0.2.2']);
    } finally {
      await behindProxy.close();
    }
  });

  it('ends a staff session after 30 idle minutes, and any session 12 hours after sign-in', async () => {
    const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    const idle = await signIn(t.app, 'admin@demo.myomap.app');
    t.clock.advance(29 * 60_000);
    expect((await me(idle)).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await me(idle)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const ended = await me(idle);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('unauthenticated');

    const busy = await signIn(t.app, 'reception@demo.myomap.app');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await me(busy)).statusCode, `after ${minutes + 20} min`).toBe(200);
    }
    t.clock.advance(20 * 60_000);
    expect((await me(busy)).statusCode).toBe(401);
    // A state-changing request with an ended session is refused too.
    const write = await t.app.inject({ method: 'POST', url: '/api/staff/patients', headers: busy, payload: { name: 'X Y', email: 'x@example.com' } });
    expect(write.json().error.code).toBe('unauthenticated');
  });

  it('marks the session cookie Secure under NODE_ENV=production even when PUBLIC_URL is http', async () => {
    const cookieFrom = async (app: TestApp) => {
      const res = await app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@demo.myomap.app', password: DEMO_PASSWORD } });
      return res.cookies.find((c) => c.name === 'myomap_session');
    };
    // The shared app runs on http://myomap.test outside production: no Secure flag.
    expect((await cookieFrom(t))?.secure).toBeFalsy();
    // NODE_ENV=production with an http PUBLIC_URL (loadConfig turns that into secureCookies, tested there).
    const production = await createTestApp(target, { config: { secureCookies: true } });
    try {
      expect(await cookieFrom(production)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await production.close();
    }
  });
});
