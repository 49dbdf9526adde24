import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortalSession } from '../test-support/open-portal-session.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

/**
 * Progress, messages, the FHIR download and requests through the portal, with two patients:
 * each sees only their own scores, messages and record, and the staff page handles the requests.
 */
describe.each(databaseTargets)('portal record on %s', (target) => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  let a: Awaited<ReturnType<typeof openPortalSession>>;
  let b: Awaited<ReturnType<typeof openPortalSession>>;

  beforeAll(async () => {
    test = await createTestApp(target);
    for (const [key, name, email] of [
      ['a', 'Amal Record', 'amal@example.com'],
      ['b', 'Badr Record', 'badr@example.com'],
    ] as const) {
      const [row] = await test.ctx.db.query<{ id: string }>(`insert into patients (name, email) values ($1, $2) returning id`, [name, email]);
      ids[key] = row?.id ?? '';
      const [episode] = await test.ctx.db.query<{ id: string }>(
        `insert into episodes (patient_id, complaint, region, primary_instrument_id, started_on) values ($1, 'Neck pain', 'neck', 'nprs', '2026-10-01') returning id`,
        [ids[key]],
      );
      // NPRS 7 → 4 for Amal (3 points: past the MCID of 2), 5 → 5 for Badr.
      const scores = key === 'a' ? [7, 4] : [5, 5];
      for (const [i, score] of scores.entries()) {
        await test.ctx.db.query(
          `insert into measurements (episode_id, patient_id, instrument_id, instrument_version, language, taken_on, taken_at, answers, score, missing_handling, source)
           values ($1, $2, 'nprs', '1', 'en', $3, $4, '{}', $5, 'complete', 'clinician')`,
          [episode?.id, ids[key], `2026-10-0${1 + i * 7}`, `2026-10-0${1 + i * 7}T08:00:00Z`, score],
        );
      }
      await test.ctx.db.query(
        `insert into outbox (dedupe_key, kind, recipient, subject, body_text, status, sent_at, patient_id) values ($1, 'note', $2, $3, $4, 'sent', now(), $5)`,
        [`note:${key}`, email, `A note for ${name}`, `Dear ${name}, see you soon.`, ids[key]],
      );
    }
    a = await openPortalSession(test.app, test.ctx, 'amal@example.com');
    b = await openPortalSession(test.app, test.ctx, 'badr@example.com');
  });
  afterAll(() => test.close());

  it('shows the patient’s own scores with the change judged by the MCID', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/progress', headers: a });
    expect(res.statusCode).toBe(200);
    const nprs = res
      .json<{ measures: { instrumentId: string; change: string; scores: { score: number }[]; mcid: number }[] }>()
      .measures.find((m) => m.instrumentId === 'nprs');
    expect(nprs?.scores.map((s) => s.score)).toEqual([7, 4]);
    expect(nprs?.change).toBe('improved');
    const theirs = await test.app.inject({ method: 'GET', url: '/api/portal/progress', headers: b });
    expect(theirs.json<{ measures: { change: string; scores: { score: number }[] }[] }>().measures[0]).toMatchObject({
      change: 'no_clear_change',
      scores: [{ score: 5 }, { score: 5 }],
    });
  });

  it('lists the patient’s own messages, and a sign-in message by subject only', async () => {
    await test.ctx.db.query(`update outbox set status = 'sent', sent_at = now() where kind = 'portal_sign_in'`);
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/messages', headers: a });
    const { messages } = res.json<{ messages: { subject: string; body: string | null }[] }>();
    expect(messages.map((m) => m.subject).join('\n')).toContain('A note for Amal Record');
    expect(messages.map((m) => m.subject).join('\n')).not.toContain('Badr');
    expect(messages.find((m) => m.subject.includes('A note'))?.body).toContain('see you soon');
    const signInMessage = messages.find((m) => m.subject.includes('sign-in'));
    expect(signInMessage).toBeDefined();
    expect(signInMessage?.body).toBeNull();
  });

  it('downloads the patient’s own record as a FHIR Bundle with nothing of the other patient', async () => {
    const res = await test.app.inject({ method: 'GET', url: '/api/portal/record', headers: a });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.headers['content-disposition']).toContain('attachment');
    const bundle = res.json<{ resourceType: string; entry: { resource: { resourceType: string; id: string } }[] }>();
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource.id).toBe(ids.a);
    expect(res.body).not.toContain(ids.b ?? 'missing');
    const [audit] = await test.ctx.db.query<{ actor_type: string; actor_id: string }>(
      `select actor_type, actor_id from audit_log where action = 'fhir.everything' order by id desc limit 1`,
    );
    expect(audit).toEqual({ actor_type: 'patient', actor_id: ids.a });
  });

  it('sends a PDF summary in the language asked for, audited as the patient', async () => {
    for (const [lang, title] of [
      ['en', 'Summary of your record'],
      ['ar', 'ملخص ملفك'],
    ] as const) {
      const res = await test.app.inject({ method: 'GET', url: `/api/portal/summary.pdf?lang=${lang}`, headers: a });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await PDFDocument.load(res.rawPayload);
      expect(pdf.getTitle()).toBe(title);
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    }
    const rows = await test.ctx.db.query<{ actor_id: string }>(`select actor_id from audit_log where action = 'portal.summary.read'`);
    expect(rows.map((r) => r.actor_id)).toEqual([ids.a, ids.a]);
  });

  it('tracks a deletion request that only the administrator answers, and the patient reads the answer', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/portal/requests',
      headers: a,
      payload: { kind: 'deletion', details: 'Please delete my record.' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await test.app.inject({ method: 'GET', url: '/api/portal/requests', headers: b })).json()).toEqual({ requests: [] });
    const reception = await signIn(test.app, 'reception@demo.myomap.app');
    expect((await test.app.inject({ method: 'GET', url: '/api/staff/portal-requests', headers: reception })).statusCode).toBe(403);
    const admin = await signIn(test.app, 'admin@demo.myomap.app');
    const open = await test.app.inject({ method: 'GET', url: '/api/staff/portal-requests', headers: admin });
    expect(open.json<{ requests: { id: string; patientName: string }[] }>().requests).toMatchObject([{ id, patientName: 'Amal Record' }]);
    const answer = 'Health-record law keeps your record for 25 years; we removed your marketing contact details.';
    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/staff/portal-requests/${id}/answer`,
      headers: admin,
      payload: { status: 'declined', answer },
    });
    expect(answered.statusCode).toBe(200);
    const twice = await test.app.inject({
      method: 'POST',
      url: `/api/staff/portal-requests/${id}/answer`,
      headers: admin,
      payload: { status: 'done', answer },
    });
    expect(twice.json().error.code).toBe('conflict');
    const mine = await test.app.inject({ method: 'GET', url: '/api/portal/requests', headers: a });
    expect(mine.json<{ requests: unknown[] }>().requests).toMatchObject([{ id, status: 'declined', answer }]);
  });
});
