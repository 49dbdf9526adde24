import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortalSession } from '../test-support/open-portal-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { bookOnline } from '../test-support/book-online.ts';

/**
 * Referrals in the portal (issue 15): the patient sees their own signed referrals out (to whom, why
 * as a plain-words code, status, dates), never a draft, never the clinician's reason text, and never
 * another patient's.
 */
describe.each(databaseTargets)('portal referrals on %s', (target) => {
  let test: TestApp;
  let a: Awaited<ReturnType<typeof openPortalSession>>;
  let b: Awaited<ReturnType<typeof openPortalSession>>;
  const REASON = 'Progressive weakness with fasciculations; internal note for the neurologist.';

  const book = async (email: string, start: string) => (await bookOnline(test, { email }, start)).patientId;

  async function refer(patientId: string, status: 'drafted' | 'sent', provider: string): Promise<string> {
    const [staff] = await test.ctx.db.query<{ id: string }>(`select id from staff_users order by email limit 1`);
    const signed = status === 'sent';
    const [row] = await test.ctx.db.query<{ id: string }>(
      `insert into referrals (direction, patient_id, provider_id, source, red_flag, urgency, reason, status, created_by, created_at, signed_by, signed_at)
       values ('out', $1, $2, 'record', true, 'soon', $3, $4, $5, '2026-11-20T08:00:00Z', $6, $7) returning id`,
      [patientId, provider, REASON, status, staff?.id, signed ? staff?.id : null, signed ? '2026-11-20T09:00:00Z' : null],
    );
    if (signed)
      await test.ctx.db.query(
        `insert into referral_status_history (referral_id, from_status, to_status, by_user, at) values ($1, 'drafted', 'signed', $2, '2026-11-20T09:00:00Z'), ($1, 'signed', 'sent', $2, '2026-11-21T10:00:00Z')`,
        [row?.id, staff?.id],
      );
    return row?.id ?? '';
  }

  let sentA = '';
  let sentB = '';
  beforeAll(async () => {
    test = await createTestApp(target);
    const patientA = await book('aisha@example.com', '2026-12-01T09:00:00+04:00');
    const patientB = await book('bilal@example.com', '2026-12-01T11:00:00+04:00');
    const [provider] = await test.ctx.db.query<{ id: string }>(
      `insert into referral_providers (kind, entity, name, email) values ('neurology', 'organisation', 'Neuromuscular Clinic', 'nm@hospital.example') returning id`,
    );
    sentA = await refer(patientA, 'sent', provider?.id ?? '');
    await refer(patientA, 'drafted', provider?.id ?? '');
    sentB = await refer(patientB, 'sent', provider?.id ?? '');
    a = await openPortalSession(test.app, test.ctx, 'aisha@example.com');
    b = await openPortalSession(test.app, test.ctx, 'bilal@example.com');
  });
  afterAll(() => test.close());

  it('lists the patient’s own signed referrals with provider, plain-words reason code, status and dates; no draft, no reason text', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/messages', headers: a });
    expect(res.statusCode).toBe(200);
    expect(res.json().referrals).toEqual([
      {
        id: sentA,
        providerName: 'Neuromuscular Clinic',
        providerKind: 'neurology',
        why: 'red_flag',
        urgency: 'soon',
        status: 'sent',
        signedAt: '2026-11-20T09:00:00.000Z',
        sentAt: '2026-11-21T10:00:00.000Z',
        appointmentOn: null,
      },
    ]);
    expect(res.body).not.toContain('fasciculations');
  });

  it('shows the other patient only theirs', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/messages', headers: b });
    expect(res.json<{ referrals: { id: string }[] }>().referrals.map((r) => r.id)).toEqual([sentB]);
  });
});
