import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { SIGNATURE } from '../test-support/clinical-fixtures.ts';
import { openPortalSession } from '../test-support/open-portal-session.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { bookOnline } from '../test-support/book-online.ts';

/**
 * The intake and consent from the portal (issue 15): a signed-in patient fills and signs their own
 * visit's forms by the same code as the emailed link (safety/fill-intake.ts), screening included;
 * the other patient's visit opens nothing, and the emailed link keeps working beside the portal.
 */
describe.each(databaseTargets)('portal intake and consent on %s', (target) => {
  let test: TestApp;
  let a: Awaited<ReturnType<typeof openPortalSession>>;
  let b: Awaited<ReturnType<typeof openPortalSession>>;
  const visit: Record<string, { id: string; reference: string; manageToken: string }> = {};

  const book = async (email: string, start: string) => {
    const booked = await bookOnline(test, { email }, start, { serviceId: 'svc-nmt-initial' });
    return { id: booked.appointmentId, reference: booked.reference, manageToken: booked.manageToken };
  };
  const url = (id: string, suffix = '') => `/api/portal/visits/${id}/intake${suffix}`;

  beforeAll(async () => {
    test = await createTestApp(target);
    visit.a = await book('aisha@example.com', '2026-12-01T09:00:00+04:00');
    visit.b = await book('bilal@example.com', '2026-12-01T11:00:00+04:00');
    a = await openPortalSession(test.app, test.ctx, 'aisha@example.com');
    b = await openPortalSession(test.app, test.ctx, 'bilal@example.com');
  });
  afterAll(() => test.close());

  it('opens the patient’s own visit’s form, audited with the patient as actor, and not the other patient’s', async () => {
    const own = await test.app.inject({ method: 'GET', url: url(visit.a!.id), headers: a });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ status: 'not_started', consent: { version: currentConsentVersion, signed: false } });
    const other = await test.app.inject({ method: 'GET', url: url(visit.b!.id), headers: a });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    const audit = await test.ctx.db.query<{ actor_type: string }>(`select actor_type from audit_log where action = 'intake.read' and entity_id = $1`, [
      visit.a!.id,
    ]);
    expect(audit.map((r) => r.actor_type)).toEqual(['patient']);
    expect(await test.ctx.db.query(`select 1 from audit_log where action = 'intake.read' and entity_id = $1`, [visit.b!.id])).toHaveLength(0);
  });

  it('refuses to write the other patient’s intake or consent, and writes nothing', async () => {
    const save = await test.app.inject({
      method: 'PUT',
      url: url(visit.b!.id),
      headers: a,
      payload: { response: intakeResponse({ 'pain-now': 3 }), language: 'en' },
    });
    expect(save.statusCode).toBe(404);
    const sign = await test.app.inject({
      method: 'POST',
      url: url(visit.b!.id, '/consent'),
      headers: a,
      payload: { version: currentConsentVersion, language: 'en', typedName: 'Aisha', signature: SIGNATURE },
    });
    expect(sign.statusCode).toBe(404);
    expect(await test.ctx.db.query(`select 1 from intake_responses where appointment_id = $1`, [visit.b!.id])).toHaveLength(0);
    const bView = await test.app.inject({ method: 'GET', url: url(visit.b!.id), headers: b });
    expect(bView.json()).toMatchObject({ status: 'not_started', consent: { signed: false } });
  });

  it('validates like the link: a bad answer is a 400 and changes nothing; a write needs the CSRF token', async () => {
    const bad = await test.app.inject({
      method: 'PUT',
      url: url(visit.a!.id),
      headers: a,
      payload: { response: { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [{ linkId: 'no-such-question' }] }, language: 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const noCsrf = await test.app.inject({ method: 'POST', url: url(visit.a!.id, '/submit'), headers: { cookie: a.cookie } });
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    expect(await test.ctx.db.query(`select 1 from intake_responses where appointment_id = $1`, [visit.a!.id])).toHaveLength(0);
  });

  it('screens a submitted intake as the link does, and signs the consent', async () => {
    const answers = intake({ 'full-name': 'Aisha', 'nmd-weakness-main': true, 'nmd-progressive': true, 'nmd-twitching': true, 'nmd-rapid': false });
    const save = await test.app.inject({
      method: 'PUT',
      url: url(visit.a!.id),
      headers: a,
      payload: { response: intakeResponse(answers), language: 'ar' },
    });
    expect(save.json().missingRequired).toEqual([]);
    const submit = await test.app.inject({ method: 'POST', url: url(visit.a!.id, '/submit'), headers: a });
    expect(submit.statusCode).toBe(200);
    expect(submit.json().outcome).toBe('refer_before_treatment');
    const screenings = await test.ctx.db.query<{ outcome: string }>(
      `select s.outcome from screenings s join appointments ap on ap.patient_id = s.patient_id where ap.id = $1`,
      [visit.a!.id],
    );
    expect(screenings.map((s) => s.outcome)).toEqual(['refer_before_treatment']);
    const signed = await test.app.inject({
      method: 'POST',
      url: url(visit.a!.id, '/consent'),
      headers: a,
      payload: { version: currentConsentVersion, language: 'ar', typedName: 'Aisha', signature: SIGNATURE },
    });
    expect(signed.statusCode).toBe(201);
    const progress = await test.app.inject({ method: 'GET', url: '/api/portal/progress', headers: a });
    expect(progress.json().intake).toMatchObject({ status: 'submitted', appointmentId: visit.a!.id, consentCurrent: true });
    const others = await test.app.inject({ method: 'GET', url: '/api/portal/progress', headers: b });
    expect(others.json().intake).toMatchObject({ status: 'open', appointmentId: visit.b!.id, consentCurrent: false });
  });

  it('leaves the emailed link working: it reads the same form the portal filled', async () => {
    const res = await test.app.inject({ method: 'GET', url: `/api/intake/${visit.a!.reference}?token=${visit.a!.manageToken}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', consent: { signed: true } });
  });
});
