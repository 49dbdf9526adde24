import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { currentConsentVersion } from './intake-service.ts';
import { SIGNATURE } from '../test-support/clinical-fixtures.ts';

// A 1×1 PNG as a drawn signature stand-in, padded past the minimum length.

describe.each(databaseTargets)('intake, consent and safety screening on %s', (target) => {
  let t: TestApp;
  let booking: { id: string; reference: string; manageToken: string };
  const intakeUrl = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;

  beforeAll(async () => {
    t = await createTestApp(target);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        serviceId: 'svc-nmt-initial',
        practitionerId: 'prac-amira',
        start: '2026-12-01T09:00:00+04:00',
        patient: { name: 'Khalid Omar', email: 'khalid@example.com', preferredLanguage: 'ar' },
      },
    });
    booking = res.json();
  });
  afterAll(async () => {
    await t.close();
  });

  const weakAndTwitching = intake({
    'full-name': 'Khalid Omar',
    'nmd-weakness-main': true,
    'nmd-progressive': true,
    'nmd-twitching': true,
    'nmd-rapid': false,
  });

  it('serves the questionnaire and consent by the booking link only', async () => {
    const ok = await t.app.inject({ method: 'GET', url: intakeUrl() });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'not_started', consent: { version: currentConsentVersion, signed: false } });
    expect(ok.json().questionnaire.resourceType).toBe('Questionnaire');
    const wrong = await t.app.inject({ method: 'GET', url: `/api/intake/${booking.reference}?token=not-the-token-at-all` });
    expect(wrong.statusCode).toBe(404);
    const reads = await t.ctx.db.query(`select 1 from audit_log where action = 'intake.read' and entity_id = $1`, [booking.id]);
    expect(reads).toHaveLength(1);
  });

  it('saves progressively and refuses to submit with required answers missing', async () => {
    const partial = await t.app.inject({ method: 'PUT', url: intakeUrl(), payload: { response: intakeResponse({ 'pain-now': 6 }), language: 'ar' } });
    expect(partial.statusCode).toBe(200);
    expect(partial.json().missingRequired).toContain('nmd-progressive');
    const submit = await t.app.inject({ method: 'POST', url: intakeUrl('/submit') });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.details.missing).toContain('nmd-progressive');
    const view = await t.app.inject({ method: 'GET', url: intakeUrl() });
    expect(view.json().status).toBe('in_progress');
  });

  it.each([
    [
      'an unknown question',
      {
        response: { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [{ linkId: 'no-such-question', answer: [{ valueBoolean: true }] }] },
        language: 'en',
      },
    ],
    ['a malformed response', { response: { resourceType: 'Patient' }, language: 'en' }],
    ['an unknown language', { response: intakeResponse({}), language: 'fr' }],
  ])('rejects intake with %s and writes nothing', async (_name, payload) => {
    const before = await t.ctx.db.query<{ n: number }>('select count(*)::int as n from intake_answers');
    const res = await t.app.inject({ method: 'PUT', url: intakeUrl(), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(await t.ctx.db.query('select count(*)::int as n from intake_answers')).toEqual(before);
  });

  it('screens progressive weakness with twitching as refer-before-treatment', async () => {
    const save = await t.app.inject({ method: 'PUT', url: intakeUrl(), payload: { response: intakeResponse(weakAndTwitching), language: 'ar' } });
    expect(save.json().missingRequired).toEqual([]);
    const submit = await t.app.inject({ method: 'POST', url: intakeUrl('/submit') });
    expect(submit.statusCode).toBe(200);
    expect(submit.json().outcome).toBe('refer_before_treatment');
    const answers = await t.ctx.db.query<{ value: unknown }>(
      `select a.value from intake_answers a join intake_responses r on r.id = a.intake_id where r.appointment_id = $1 and a.link_id = 'nmd-twitching'`,
      [booking.id],
    );
    expect(answers[0]?.value).toBe(true);
  });

  it('records a signed consent and refuses an outdated version', async () => {
    const stale = await t.app.inject({
      method: 'POST',
      url: intakeUrl('/consent'),
      payload: { version: '2020-01-01', language: 'ar', typedName: 'Khalid Omar', signature: SIGNATURE },
    });
    expect(stale.statusCode).toBe(409);
    const bad = await t.app.inject({
      method: 'POST',
      url: intakeUrl('/consent'),
      payload: { version: currentConsentVersion, language: 'ar', typedName: 'Khalid Omar', signature: 'not an image' },
    });
    expect(bad.statusCode).toBe(400);
    const signed = await t.app.inject({
      method: 'POST',
      url: intakeUrl('/consent'),
      payload: { version: currentConsentVersion, language: 'ar', typedName: 'Khalid Omar', signature: SIGNATURE },
    });
    expect(signed.statusCode).toBe(201);
    await expect(t.ctx.db.query(`update consents set typed_name = 'someone else'`)).rejects.toMatchObject({ code: 'P0001' });
  });

  it('keeps the therapist from starting a session until a physician clears the patient', async () => {
    const therapist = await signIn(t.app, 'amira@demo.myomap.app');
    const physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    const start = () => t.app.inject({ method: 'POST', url: `/api/staff/appointments/${booking.id}/sessions`, headers: therapist });
    const refused = await start();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('physician_clearance_required');

    const patientId = (await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]))[0]?.patient_id;
    const safety = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}/safety`, headers: therapist });
    expect(safety.json().gate).toMatchObject({ allowed: false, blocks: ['physician_clearance_required'] });
    expect(safety.json().screening.result.redFlags.map((f: { id: string }) => f.id)).toContain('RF_NMD');
    expect(safety.json().screening.result.suspendTriggerPointReasoning).toBe(true);

    // Only physicians review; a therapist gets 403.
    const notAllowed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patientId}/reviews`,
      headers: therapist,
      payload: { decision: 'clear', notes: '' },
    });
    expect(notAllowed.statusCode).toBe(403);
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/reviews', headers: physician });
    const queued = queue.json().find((q: { patientId: string }) => q.patientId === patientId);
    expect(queued).toMatchObject({ outcome: 'refer_before_treatment', nextVisit: '2026-12-01T05:00:00.000Z' });

    const refer = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patientId}/reviews`,
      headers: physician,
      payload: {
        decision: 'refer',
        notes: 'Progressive weakness with fasciculations.',
        referral: { to: 'Neurology (neuromuscular clinic)', tests: ['Nerve conduction studies and EMG', 'CK'], urgency: 'soon' },
      },
    });
    expect(refer.statusCode).toBe(201);
    const stillRefused = await start();
    expect(stillRefused.json().error.code).toBe('referred_by_physician');
    const queueAfter = await t.app.inject({ method: 'GET', url: '/api/staff/reviews', headers: physician });
    expect(queueAfter.json().map((q: { patientId: string }) => q.patientId)).not.toContain(patientId);

    const audit = await t.ctx.db.query<{ action: string }>(
      `select action from audit_log where action in ('intake.save', 'intake.submit', 'consent.sign', 'session.start_refused', 'review.refer', 'safety.read') order by id`,
    );
    const actions = new Set(audit.map((a) => a.action));
    expect([...actions].sort()).toEqual(['consent.sign', 'intake.save', 'intake.submit', 'review.refer', 'safety.read', 'session.start_refused']);
  });

  it('lets a cleared patient start a session once, with precautions carried over', async () => {
    const second = (
      await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          serviceId: 'svc-nmt-initial',
          practitionerId: 'prac-omar',
          start: '2026-12-01T09:00:00+04:00',
          patient: { name: 'Mona Ali', email: 'mona@example.com' },
        },
      })
    ).json();
    const url = (suffix = '') => `/api/intake/${second.reference}${suffix}?token=${second.manageToken}`;
    await t.app.inject({
      method: 'PUT',
      url: url(),
      payload: { response: intakeResponse(intake({ 'med-anticoagulant': true, phone: '+971 50 000 0077' })), language: 'en' },
    });
    const submitted = await t.app.inject({ method: 'POST', url: url('/submit') });
    expect(submitted.json().outcome).toBe('proceed_with_precautions');
    await t.app.inject({
      method: 'POST',
      url: url('/consent'),
      payload: { version: currentConsentVersion, language: 'en', typedName: 'Mona Ali', signature: SIGNATURE },
    });
    const therapist = await signIn(t.app, 'omar@demo.myomap.app');
    const started = await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${second.id}/sessions`, headers: therapist });
    expect(started.statusCode).toBe(201);
    expect(started.json().precautions.length).toBeGreaterThan(0);
    const again = await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${second.id}/sessions`, headers: therapist });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(started.json().id);
  });
});
