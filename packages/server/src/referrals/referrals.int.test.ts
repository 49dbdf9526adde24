import { currentConsentVersion } from '../safety/intake-service.ts';
import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { TRANSITIONS, OUTBOUND_STATUSES, INBOUND_STATUSES } from '@myomap/domain/referrals/referral-lifecycle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../lib/mailer.ts';
import { SIGNATURE } from '../test-support/clinical-fixtures.ts';
import { mimeParts, part, startSmtp } from '../test-support/read-mail.ts';
import { bookOnline } from '../test-support/book-online.ts';
import { createTestApp, deliverOutbox, signInDemoStaff, type signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

type Headers = Awaited<ReturnType<typeof signIn>>;

/** Issue 14: the referral network, from the physician's referral to the result and back, and referrals in. */
describe.each(databaseTargets)('referrals on %s', (target) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: Headers;
  let reception: Headers;
  let therapist: Headers;
  let physician: Headers;
  let neurologyId: string;
  let geneticsId: string;
  let patientId: string;
  let appointmentId: string;
  let reviewId: string;

  const post = (url: string, headers: Headers, payload?: Record<string, unknown>) =>
    payload === undefined ? t.app.inject({ method: 'POST', url, headers }) : t.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
  const deliver = () => deliverOutbox(t, createMailer(smtp.url, '"Myomap" <clinic@demo.myomap.app>'));
  const mailTo = (address: string) => {
    const raw = smtp.received.get(address);
    return raw ? (part(mimeParts(raw), 'text/plain')?.body ?? '') : undefined;
  };

  const provider = (over: Record<string, unknown> = {}) => ({
    kind: 'neurology',
    entity: 'organisation',
    name: 'Neuromuscular Clinic',
    organisation: 'Sharjah University Hospital',
    email: 'nmclinic@hospital.example',
    phone: '+971 6 000 0000',
    languages: ['en', 'ar'],
    accepts: 'Physician referrals; NCS/EMG on site',
    notes: '',
    active: true,
    ...over,
  });
  const draft = (over: Record<string, unknown> = {}) => ({
    patientId,
    providerId: neurologyId,
    source: 'physician_review',
    reviewId,
    urgency: 'soon',
    reason: 'Progressive weakness with fasciculations and a family history.',
    question: 'Please assess for neuromuscular disease.',
    testsSuggested: [{ label: 'Nerve conduction studies and EMG' }, { label: 'CK' }],
    attachments: ['findings'],
    language: 'en',
    ...over,
  });

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(target, { config: { sessionIdleMinutes: 60 * 24 * 60, sessionMaxHours: 60 * 24 } });
    ({ admin, reception, therapist, physician } = await signInDemoStaff(t.app));
    // A patient whose intake raises the neuromuscular red flag, consented, referred by the physician.
    const booking = await bookOnline(t, { name: 'Khalid Nasser', email: 'khalid@example.com' }, '2026-12-01T09:00:00+04:00', { serviceId: 'svc-nmt-initial' });
    appointmentId = booking.appointmentId;
    const url = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
    const answers = intake({ 'full-name': 'Khalid Nasser', 'nmd-weakness-main': true, 'nmd-progressive': true, 'nmd-twitching': true, 'nmd-rapid': false });
    await t.app.inject({ method: 'PUT', url: url(), payload: { response: intakeResponse(answers), language: 'en' } });
    expect((await t.app.inject({ method: 'POST', url: url('/submit') })).json().outcome).toBe('refer_before_treatment');
    await t.app.inject({
      method: 'POST',
      url: url('/consent'),
      payload: { version: currentConsentVersion, language: 'en', typedName: 'Khalid Nasser', signature: SIGNATURE },
    });
    patientId = booking.patientId;
    const refer = await post(`/api/staff/patients/${patientId}/reviews`, physician, {
      decision: 'refer',
      notes: 'Progressive weakness with fasciculations.',
      referral: { to: 'Neurology (neuromuscular clinic)', tests: ['Nerve conduction studies and EMG', 'CK'], urgency: 'soon' },
    });
    expect(refer.statusCode, refer.body).toBe(201);
    reviewId = refer.json().id;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('keeps the directory: admin adds and edits, everyone searches, others may not change it', async () => {
    const created = await post('/api/staff/referral-providers', admin, provider());
    expect(created.statusCode, created.body).toBe(201);
    neurologyId = created.json().id;
    geneticsId = (
      await post('/api/staff/referral-providers', admin, provider({ kind: 'genetics', name: 'Genetics Lab', email: 'genetics@lab.example', languages: ['en'] }))
    ).json().id;
    expect((await post('/api/staff/referral-providers', physician, provider())).statusCode).toBe(403);
    expect((await post('/api/staff/referral-providers', admin, provider({ email: undefined, phone: undefined }))).json().error.code).toBe('validation_failed');
    const found = await get('/api/staff/referral-providers?q=neuromuscular', reception);
    expect(found.json().map((p: { id: string }) => p.id)).toEqual([neurologyId]);
    const arabic = await get('/api/staff/referral-providers?language=ar', therapist);
    expect(arabic.json().map((p: { id: string }) => p.id)).toEqual([neurologyId]);
    const inactive = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/referral-providers/${geneticsId}`,
      headers: admin,
      payload: provider({ kind: 'genetics', name: 'Genetics Lab', active: false }),
    });
    expect(inactive.json().active).toBe(false);
    expect((await get('/api/staff/referral-providers?kind=genetics', reception)).json()).toEqual([]);
    await t.app.inject({
      method: 'PUT',
      url: `/api/staff/referral-providers/${geneticsId}`,
      headers: admin,
      payload: provider({ kind: 'genetics', name: 'Genetics Lab' }),
    });
  });

  it('holds the database to the same transitions as the domain', async () => {
    const statuses = [...new Set([...OUTBOUND_STATUSES, ...INBOUND_STATUSES])];
    const allowed = await t.ctx.db.query<{ f: string; t: string }>(
      `select f, t2 as t from unnest($1::text[]) f cross join unnest($1::text[]) t2 where referral_transition_allowed(f, t2) order by 1, 2`,
      [statuses],
    );
    expect(allowed.map((a) => `${a.f}>${a.t}`).sort()).toEqual(TRANSITIONS.map((s) => `${s.from}>${s.to}`).sort());
  });

  it("takes a red-flag referral from the physician's review to a reviewed result, the gate closed until then", async () => {
    const drafted = await post('/api/staff/referrals', physician, draft());
    expect(drafted.statusCode, drafted.body).toBe(201);
    const referral = drafted.json();
    expect(referral).toMatchObject({ status: 'drafted', redFlag: true, dueOn: '2026-12-14', nextSteps: ['signed', 'cancelled'] });
    const id: string = referral.id;
    // The screen's red flags in words, both languages: the question the patient answered, never its code.
    expect(referral.screeningFindings.length).toBeGreaterThan(0);
    for (const finding of referral.screeningFindings as { en: string; ar: string }[]) {
      expect(finding.en).not.toMatch(/\bnmd-[a-z-]+:/);
      expect(finding.ar).not.toMatch(/\bnmd-[a-z-]+:/);
      expect(finding.en).toMatch(/ — (yes|no)/);
      expect(finding.ar).toMatch(/ — (نعم|لا)/);
    }

    // Sending before signing is refused by the API, and by the database for any other writer.
    expect((await post(`/api/staff/referrals/${id}/send`, physician, { via: 'email' })).json().error.code).toBe('illegal_transition');
    await expect(t.ctx.db.query(`update referrals set status = 'sent' where id = $1`, [id])).rejects.toMatchObject({ code: 'P0001' });
    // A therapist cannot sign; reception cannot read the content.
    expect((await post(`/api/staff/referrals/${id}/sign`, therapist)).statusCode).toBe(403);
    const forReception = (await get(`/api/staff/referrals/${id}`, reception)).json();
    expect(forReception).toMatchObject({ contentHidden: true, reason: null, question: null, testsSuggested: [], redFlag: false, nextSteps: [] });

    const signed = await post(`/api/staff/referrals/${id}/sign`, physician);
    expect(signed.json()).toMatchObject({ status: 'signed', signedByName: 'Dr. Yousef Rahman', letterDocumentId: expect.any(String) });
    // The signed letter is a stored, immutable PDF with its hash.
    const [letter] = await t.ctx.db.query<{ kind: string; media_type: string; patient_id: string }>(
      'select kind, media_type, patient_id from documents where id = $1',
      [signed.json().letterDocumentId],
    );
    expect(letter).toEqual({ kind: 'referral_letter', media_type: 'application/pdf', patient_id: patientId });
    // Signed content is fixed, even by direct SQL.
    await expect(t.ctx.db.query(`update referrals set reason = 'changed' where id = $1`, [id])).rejects.toMatchObject({ code: 'P0001' });
    await expect(t.ctx.db.query(`delete from referrals where id = $1`, [id])).rejects.toMatchObject({ code: 'P0001' });

    expect((await post(`/api/staff/referrals/${id}/send`, reception, { via: 'email' })).json().status).toBe('sent');
    await deliver();
    expect(mailTo('nmclinic@hospital.example')).toContain('Progressive weakness with fasciculations');
    const pdf = mimeParts(smtp.received.get('nmclinic@hospital.example') ?? '').find((p) => p.contentType === 'application/pdf');
    expect(pdf?.body.startsWith('%PDF-')).toBe(true);

    const start = () => post(`/api/staff/appointments/${appointmentId}/sessions`, therapist);
    expect((await post(`/api/staff/referrals/${id}/track`, reception, { to: 'acknowledged' })).json().status).toBe('acknowledged');
    expect((await post(`/api/staff/referrals/${id}/track`, reception, { to: 'appointment_booked', appointmentOn: '2026-12-08' })).json()).toMatchObject({
      status: 'appointment_booked',
      appointmentOn: '2026-12-08',
    });
    // Reception may not enter a result (clinical).
    expect((await post(`/api/staff/referrals/${id}/result`, reception, { summary: 'x', findings: [] })).statusCode).toBe(403);
    const result = await post(`/api/staff/referrals/${id}/result`, therapist, {
      summary: 'NCS/EMG normal; CK normal. No neuromuscular disease found.',
      findings: [
        { label: 'NCS/EMG', value: 'normal' },
        { label: 'CK', value: '110 U/L' },
      ],
    });
    expect(result.json()).toMatchObject({ status: 'result_received', result: { receivedOn: '2026-11-30', reviewDecision: null } });
    // Result received, not yet reviewed: treatment still waits.
    const safety = await get(`/api/staff/patients/${patientId}/safety`, therapist);
    expect(safety.json().gate.blocks).toContain('referral_result_pending');
    expect((await start()).json().error.code).toBe('referred_by_physician');

    expect((await post(`/api/staff/referrals/${id}/result/review`, therapist, { decision: 'clear', notes: '' })).statusCode).toBe(403);
    const reviewed = await post(`/api/staff/referrals/${id}/result/review`, physician, { decision: 'clear', notes: 'Neurology found no disease; treat.' });
    expect((await get(`/api/staff/referrals/${id}`, therapist)).json().result.summary).toContain('NCS/EMG normal');
    expect((await get(`/api/staff/referrals/${id}`, reception)).json()).toMatchObject({ result: null, reason: null, status: 'closed' });
    expect(reviewed.json()).toMatchObject({ referral: { status: 'closed', result: { reviewDecision: 'clear' } }, referredOnId: null });
    expect(reviewed.json().referral.history.map((h: { to: string }) => h.to)).toEqual([
      'drafted',
      'signed',
      'sent',
      'acknowledged',
      'appointment_booked',
      'result_received',
      'closed',
    ]);
    expect((await get(`/api/staff/patients/${patientId}/safety`, therapist)).json().gate).toMatchObject({ allowed: true });
    expect((await start()).statusCode).toBe(201);
    // Closed stays closed, and the reviewed result is immutable.
    expect((await post(`/api/staff/referrals/${id}/track`, physician, { to: 'cancelled' })).json().error.code).toBe('illegal_transition');
    await expect(t.ctx.db.query(`update referral_results set review_decision = 'refer_on' where referral_id = $1`, [id])).rejects.toMatchObject({
      code: 'P0001',
    });
    await expect(t.ctx.db.query(`update referral_status_history set note = 'x' where referral_id = $1`, [id])).rejects.toMatchObject({ code: 'P0001' });
    const audit = await t.ctx.db.query<{ action: string }>(`select action from audit_log where entity_type = 'referral' and entity_id = $1 order by id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['referral.draft', 'referral.signed', 'referral.sent', 'referral.result_received', 'referral.closed', 'referral.read']),
    );
  });

  it('refers on: a new draft to the next provider, and the gate closes again until that result is reviewed', async () => {
    const id = (await post('/api/staff/referrals', physician, draft({ source: 'record', reviewId: undefined, urgency: 'routine' }))).json().id;
    await post(`/api/staff/referrals/${id}/sign`, physician);
    await post(`/api/staff/referrals/${id}/send`, physician, { via: 'print' });
    await post(`/api/staff/referrals/${id}/result`, physician, { summary: 'Possible myopathy; genetic testing advised.', findings: [] });
    const reviewed = await post(`/api/staff/referrals/${id}/result/review`, physician, {
      decision: 'refer_on',
      notes: 'Genetics next.',
      referOnProviderId: geneticsId,
    });
    const next = reviewed.json().referredOnId;
    expect(next).toEqual(expect.any(String));
    const nextReferral = (await get(`/api/staff/referrals/${next}`, physician)).json();
    expect(nextReferral).toMatchObject({ status: 'drafted', providerName: 'Genetics Lab', redFlag: true });
    expect((await get(`/api/staff/patients/${patientId}/safety`, therapist)).json().gate.blocks).toEqual(['referral_result_pending']);
    await post(`/api/staff/referrals/${next}/track`, physician, { to: 'cancelled' });
    expect((await post(`/api/staff/referrals/${next}/track`, physician, { to: 'cancelled' })).json().error.code).toBe('illegal_transition');
  });

  it('puts overdue referrals first in the worklist, with no clinical content for reception', async () => {
    const id = (await post('/api/staff/referrals', therapist, draft({ source: 'record', reviewId: undefined, urgency: 'soon' }))).json().id;
    expect((await post(`/api/staff/referrals/${id}/sign`, physician)).json().status).toBe('signed');
    await post(`/api/staff/referrals/${id}/send`, reception, { via: 'print' });
    t.clock.set('2026-12-16T06:00:00Z');
    const list = await get('/api/staff/referrals?direction=out', reception);
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({ id, overdue: true, status: 'sent', patientName: 'Khalid Nasser' });
    expect(list.json()[0]).not.toHaveProperty('reason');
    const overdue = await get('/api/staff/referrals?overdue=true', physician);
    expect(overdue.json().map((r: { id: string }) => r.id)).toEqual([id]);
    t.clock.set('2026-11-30T04:00:00Z');
  });

  it('takes a doctor’s referral from the public form to a patient and a first visit, acknowledged and, at discharge, summarised', async () => {
    const form = {
      referrer: { name: 'Dr. Layla Hassan', organisation: 'Al Qasimia Family Clinic', email: 'layla@familyclinic.example', phone: '+971 6 111 2222' },
      patient: { name: 'Noura Saeed', phone: '+971 50 123 4567', email: 'noura@example.com', language: 'ar', dateOfBirth: '1980-04-02' },
      urgency: 'routine',
      reason: 'Chronic neck and shoulder pain, trigger points suspected.',
      consent: true,
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/referrals/inbound', payload: { ...form, consent: false } })).statusCode).toBe(400);
    // A filled honeypot looks accepted and stores nothing.
    expect((await t.app.inject({ method: 'POST', url: '/api/referrals/inbound', payload: { ...form, website: 'http://spam.example' } })).statusCode).toBe(201);
    expect((await get('/api/staff/referrals?direction=in', reception)).json()).toEqual([]);

    expect((await t.app.inject({ method: 'POST', url: '/api/referrals/inbound', payload: form })).statusCode).toBe(201);
    const [inbound] = (await get('/api/staff/referrals?direction=in', reception)).json();
    expect(inbound).toMatchObject({ status: 'received', patientName: 'Noura Saeed', referrerName: 'Dr. Layla Hassan', patientId: null });
    expect((await post(`/api/staff/referrals/${inbound.id}/accept`, therapist, {})).statusCode).toBe(403);
    expect((await get(`/api/staff/referrals/${inbound.id}/matches`, reception)).json()).toEqual([]);
    await deliver();
    expect(mailTo('layla@familyclinic.example')).toContain('Thank you for referring Noura Saeed');

    const accepted = await post(`/api/staff/referrals/${inbound.id}/accept`, reception, {
      practitionerId: 'prac-sara',
      serviceId: 'svc-nmt-initial',
      start: '2026-12-02T10:00:00+04:00',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { patientId: newPatient, firstVisitId } = accepted.json();
    expect(firstVisitId).toEqual(expect.any(String));
    expect(
      (
        await post(`/api/staff/referrals/${inbound.id}/accept`, reception, {
          practitionerId: 'prac-sara',
          serviceId: 'svc-nmt-initial',
          start: '2026-12-03T10:00:00+04:00',
        })
      ).json().error.code,
    ).toBe('illegal_transition');
    const [visit] = await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [firstVisitId]);
    expect(visit?.patient_id).toBe(newPatient);

    const episode = (
      await post(`/api/staff/patients/${newPatient}/episodes`, therapist, { complaint: 'neck pain', region: 'cervical', primaryInstrumentId: 'nprs' })
    ).json();
    expect((await post(`/api/staff/episodes/${episode.id}/discharge`, therapist, { reason: 'goals_met' })).statusCode).toBe(200);
    await deliver();
    const summary = smtp.messages.filter((m) => m.to.includes('layla@familyclinic.example')).at(-1);
    expect(part(mimeParts(summary?.raw ?? ''), 'text/plain')?.body).toContain('neck pain');
    expect((await get(`/api/staff/referrals/${inbound.id}`, physician)).json().status).toBe('closed');
  });
});
