import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

interface FeedLink {
  practitionerId: string;
  url: string;
  webcalUrl: string;
}

describe.each(databaseTargets)('a practitioner’s calendar feed link on %s', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(target);
  }, 240_000);
  afterAll(async () => t.close());

  /** The feed as a calendar app fetches it: the path and query of the link, no session. */
  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: url.replace('http://myomap.test', '') });

  it('shows the practitioner their own link (https and webcal), and a new link stops the old one', async () => {
    const amira = await signIn(t.app, 'amira@demo.myomap.app');
    const read = await t.app.inject({ method: 'GET', url: '/api/staff/account/calendar-feed', headers: amira });
    expect(read.statusCode, read.body).toBe(200);
    const first = read.json<FeedLink>();
    expect(first.practitionerId).toBe('prac-amira');
    expect(first.url).toMatch(/^http:\/\/myomap\.test\/api\/calendar\/prac-amira\/feed\.ics\?token=/);
    expect(first.webcalUrl).toBe(first.url.replace('http://', 'webcal://'));
    expect((await fetchFeed(first.url)).body).toContain('BEGIN:VCALENDAR');

    const rotated = await t.app.inject({ method: 'POST', url: '/api/staff/account/calendar-feed/rotate', headers: amira });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const second = rotated.json<FeedLink>();
    expect(second.url).not.toBe(first.url);
    expect((await fetchFeed(first.url)).statusCode).toBe(404);
    expect((await fetchFeed(second.url)).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'GET', url: '/api/staff/account/calendar-feed', headers: amira });
    expect(again.json<FeedLink>().url).toBe(second.url);

    // Audited: who gave whose calendar a new link, and never the token itself.
    const audit = await t.ctx.db.query<{ actor_id: string; entity_id: string; row: string }>(
      `select actor_id, entity_id, row_to_json(a)::text as row from audit_log a where action = 'practitioners.calendar_feed_rotated'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'user-amira', entity_id: 'prac-amira' });
    const token = new URL(second.url).searchParams.get('token') ?? 'no-token';
    expect(audit[0]?.row).not.toContain(token);
  });

  it('has no link for an account with no practitioner, lets admin rotate anyone’s, and nobody else', async () => {
    const reception = await signIn(t.app, 'reception@demo.myomap.app');
    const none = await t.app.inject({ method: 'GET', url: '/api/staff/account/calendar-feed', headers: reception });
    expect(none.statusCode).toBe(404);
    expect(none.json<{ error: { code: string } }>().error.code).toBe('not_found');

    const omar = await signIn(t.app, 'omar@demo.myomap.app');
    const before = (await t.app.inject({ method: 'GET', url: '/api/staff/account/calendar-feed', headers: omar })).json<FeedLink>();
    const byTherapist = await t.app.inject({ method: 'POST', url: '/api/staff/practitioners/prac-sara/calendar-feed/rotate', headers: omar });
    expect(byTherapist.statusCode).toBe(403);
    expect(byTherapist.json<{ error: { code: string } }>().error.code).toBe('forbidden');

    const admin = await signIn(t.app, 'admin@demo.myomap.app');
    const byAdmin = await t.app.inject({ method: 'POST', url: '/api/staff/practitioners/prac-omar/calendar-feed/rotate', headers: admin });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect((await fetchFeed(before.url)).statusCode).toBe(404);
    expect((await fetchFeed(byAdmin.json<FeedLink>().url)).statusCode).toBe(200);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/staff/practitioners/prac-nobody/calendar-feed/rotate', headers: admin });
    expect(unknown.statusCode).toBe(404);
  });
});
