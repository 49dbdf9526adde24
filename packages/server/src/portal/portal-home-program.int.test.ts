import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortalSession } from '../test-support/open-portal-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { bookOnline } from '../test-support/book-online.ts';

/**
 * The home program in the portal (issue 15): the items of the patient's latest approved plan, with
 * the plan's dose and the knowledge base's words in both languages; never a draft plan's items, and
 * nothing of another patient's plan.
 */
describe.each(databaseTargets)('portal home program on %s', (target) => {
  let test: TestApp;
  let a: Awaited<ReturnType<typeof openPortalSession>>;
  let b: Awaited<ReturnType<typeof openPortalSession>>;

  const book = async (email: string, start: string) => (await bookOnline(test, { email }, start)).patientId;

  async function plan(patientId: string, status: 'draft' | 'approved', homeProgram: { selfCareId: string; dose: string }[], at: string) {
    const [staff] = await test.ctx.db.query<{ id: string }>(`select id from staff_users order by email limit 1`);
    const [assessment] = await test.ctx.db.query<{ id: string }>(`insert into assessments (patient_id, author_id) values ($1, $2) returning id`, [
      patientId,
      staff?.id,
    ]);
    await test.ctx.db.query(
      `insert into treatment_plans (patient_id, assessment_id, status, data, created_by, approved_by, approved_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [patientId, assessment?.id, status, JSON.stringify({ targets: [], homeProgram }), staff?.id, status === 'approved' ? staff?.id : null, at],
    );
  }

  beforeAll(async () => {
    test = await createTestApp(target);
    const patientA = await book('aisha@example.com', '2026-12-01T09:00:00+04:00');
    await book('bilal@example.com', '2026-12-01T11:00:00+04:00');
    await plan(patientA, 'approved', [{ selfCareId: 'upper_trapezius_self_stretch', dose: 'Hold 20 s, 2 times, once a day' }], '2026-11-20T09:00:00Z');
    // A later draft is not yet the patient's program.
    await plan(patientA, 'draft', [{ selfCareId: 'upper_trapezius_self_stretch', dose: 'draft dose' }], '2026-11-25T09:00:00Z');
    a = await openPortalSession(test.app, test.ctx, 'aisha@example.com');
    b = await openPortalSession(test.app, test.ctx, 'bilal@example.com');
  });
  afterAll(() => test.close());

  it('shows the approved plan’s items with the plan’s dose and the knowledge base’s words in English and Arabic', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/progress', headers: a });
    expect(res.statusCode).toBe(200);
    const home = res.json().homeProgram;
    expect(home.approvedAt).toBe('2026-11-20T09:00:00.000Z');
    expect(home.items).toHaveLength(1);
    expect(home.items[0]).toMatchObject({
      id: 'upper_trapezius_self_stretch',
      dose: 'Hold 20 s, 2 times, once a day',
      title: { en: 'Upper trapezius stretch' },
    });
    expect(home.items[0].title.ar).not.toBe('');
    expect(home.items[0].cautions.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('draft dose');
  });

  it('shows nothing of another patient’s plan', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/progress', headers: b });
    expect(res.json().homeProgram).toBeNull();
  });
});
