import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { workOutbox } from '../workers/outbox-worker.ts';
import { sendDueFollowUps } from './aftercare-service.ts';
import { SIGNATURE, SHOULDER_NOTE } from '../test-support/clinical-fixtures.ts';

describe.each(databaseTargets)('plans, signed notes and aftercare on %s', (target) => {
  let t: TestApp;
  let therapist: Record<string, string>;
  let sessionId: string;
  let noteId: string;
  let patientId: string;
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer = { transport: 'smtp' as const, send: async (m: { to: string; subject: string; text: string }) => void sent.push(m), close: () => undefined };
  const drain = async () => {
    while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
  };

  beforeAll(async () => {
    // The story jumps days at a time; the therapist's session outlives the jumps up to a week.
    t = await createTestApp(target, { config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 7 * 24 } });
    const booking = (
      await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          serviceId: 'svc-nmt-initial',
          practitionerId: 'prac-amira',
          start: '2026-12-01T09:00:00+04:00',
          patient: { name: 'Sara Hamdan', email: 'sara.h@example.com' },
        },
      })
    ).json();
    const url = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
    await t.app.inject({ method: 'PUT', url: url(), payload: { response: intakeResponse(intake()), language: 'en' } });
    await t.app.inject({ method: 'POST', url: url('/submit') });
    await t.app.inject({
      method: 'POST',
      url: url('/consent'),
      payload: { version: currentConsentVersion, language: 'en', typedName: 'Sara Hamdan', signature: SIGNATURE },
    });
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    t.clock.set('2026-12-01T05:00:00Z'); // the visit, 09:00 in Sharjah
    const session = await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${booking.id}/sessions`, headers: therapist });
    expect(session.statusCode).toBe(201);
    sessionId = session.json().id;
    patientId = (await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]))[0]?.patient_id ?? '';
    // Setup is a whole clinic's worth of requests; on a shared, loaded machine it can take minutes.
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('writes a SOAP note, signs it, and then refuses every change', async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/staff/sessions/${sessionId}/note`, headers: therapist });
    expect(created.statusCode).toBe(201);
    noteId = created.json().id;
    const saved = await t.app.inject({ method: 'PUT', url: `/api/staff/notes/${noteId}`, headers: therapist, payload: { data: SHOULDER_NOTE } });
    expect(saved.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/notes/${noteId}`,
      headers: therapist,
      payload: { data: { ...SHOULDER_NOTE, subjective: { report: 'x', pain: 11 } } },
    });
    expect(bad.statusCode).toBe(400);

    const signed = await t.app.inject({ method: 'POST', url: `/api/staff/notes/${noteId}/sign`, headers: therapist });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signedBy: 'Amira Saleh' });

    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/notes/${noteId}`,
      headers: therapist,
      payload: { data: { ...SHOULDER_NOTE, assessment: 'changed' } },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('note_signed');
    // Even a direct SQL UPDATE or DELETE is refused by the database.
    await expect(t.ctx.db.query(`update session_notes set data = '{}' where id = $1`, [noteId])).rejects.toMatchObject({ code: 'P0001' });
    await expect(t.ctx.db.query(`update session_notes set status = 'draft', signed_at = null, signed_by = null where id = $1`, [noteId])).rejects.toMatchObject(
      { code: 'P0001' },
    );
    await expect(t.ctx.db.query('delete from session_notes where id = $1', [noteId])).rejects.toMatchObject({ code: 'P0001' });

    const addendum = await t.app.inject({
      method: 'POST',
      url: `/api/staff/notes/${noteId}/addenda`,
      headers: therapist,
      payload: { text: 'Correction: pressure was 5/10, not 6/10.' },
    });
    expect(addendum.statusCode).toBe(201);
    expect(addendum.json().addenda).toMatchObject([{ text: 'Correction: pressure was 5/10, not 6/10.', authorName: 'Amira Saleh' }]);
    expect(addendum.json().data.assessment).toBe(SHOULDER_NOTE.assessment);
  });

  it('sends aftercare advice at once and the check-in once, 24 h later', async () => {
    await drain();
    expect(sent.filter((m) => m.subject.startsWith('After your session'))).toHaveLength(1);
    expect(sent.filter((m) => m.subject.startsWith('How are you'))).toHaveLength(0);
    t.clock.set('2026-12-02T04:59:00Z');
    await drain();
    expect(sent.filter((m) => m.subject.startsWith('How are you'))).toHaveLength(0);
    t.clock.set('2026-12-02T05:00:00Z');
    await drain();
    await drain();
    expect(sent.filter((m) => m.subject.startsWith('How are you'))).toHaveLength(1);
  });

  it('alerts the therapist the same day when the check-in signals an adverse event', async () => {
    const invite = sent.find((m) => m.subject.startsWith('How are you'));
    const token = /aftercare\/([A-Za-z0-9_-]+)/.exec(invite?.text ?? '')?.[1] ?? '';
    const view = await t.app.inject({ method: 'GET', url: `/api/aftercare/${token}` });
    expect(view.json().checkin.status).toBe('pending');
    const invalid = await t.app.inject({ method: 'POST', url: `/api/aftercare/${token}`, payload: { soreness: 12, relief: 'some', unexpected: [] } });
    expect(invalid.statusCode).toBe(400);
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/aftercare/${token}`,
      payload: { soreness: 5, relief: 'some', unexpected: ['calf_swelling'] },
    });
    expect(answer.json()).toEqual({ answered: true, adverse: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/aftercare/${token}`, payload: { soreness: 1, relief: 'a_lot', unexpected: [] } });
    expect(again.statusCode).toBe(409);
    const alerts = await t.app.inject({ method: 'GET', url: '/api/staff/alerts', headers: therapist });
    expect(alerts.json()[0]).toMatchObject({ kind: 'adverse_checkin', patientId, params: { soreness: 5, unexpected: ['calf_swelling'], notes: null } });
    await drain();
    expect(sent.filter((m) => m.to === 'amira@demo.myomap.app' && m.subject.startsWith('Same-day follow-up'))).toHaveLength(1);
  });

  it('invites the patient to book when relief may fade and no visit is booked, once', async () => {
    t.clock.set('2026-12-08T05:00:00Z');
    await sendDueFollowUps(t.ctx, t.clock.now());
    await sendDueFollowUps(t.ctx, t.clock.now());
    await drain();
    expect(sent.filter((m) => m.subject.startsWith('Time for your next session'))).toHaveLength(1);
  });

  it('proposes a plan from a shoulder assessment, approves it and books a weekly series', async () => {
    t.clock.set('2026-12-08T05:00:00Z');
    // Eight days on, the (here 7-day) staff session has expired (sessions do expire): sign in again.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: therapist })).statusCode).toBe(401);
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    const assessment = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist })).json();
    const data = {
      painMap: [
        { zone: 'anterior_shoulder', side: 'right', intensity: 7 },
        { zone: 'lateral_shoulder', side: 'right', intensity: 5 },
      ],
      triggerPoints: [{ muscleId: 'infraspinatus', side: 'right', activity: 'active', reproducesFamiliarPain: true }],
      tautBands: [],
      tenderAreas: [],
      nerveFindings: [],
      posture: [],
      gait: [],
      biomechanics: [],
      perpetuatingFactors: { biomechanical: [], biochemical: [], psychosocial: [] },
      problems: [],
    };
    const put = await t.app.inject({ method: 'PUT', url: `/api/staff/assessments/${assessment.id}`, headers: therapist, payload: { data } });
    expect(put.statusCode).toBe(200);
    const plan = await t.app.inject({ method: 'POST', url: `/api/staff/assessments/${assessment.id}/plan`, headers: therapist });
    expect(plan.statusCode).toBe(201);
    expect(plan.json().data.protocolIds[0]).toBe('shoulder_upper_extremity');
    expect(plan.json().data.targets[0].muscleId).toBe('infraspinatus');
    const planId = plan.json().id;
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/staff/plans/${planId}/series`,
      headers: therapist,
      payload: {
        serviceId: 'svc-nmt-follow-60',
        practitionerId: 'prac-amira',
        firstStart: '2026-12-15T10:00:00+04:00',
        count: 4,
        intervalDays: 7,
        dryRun: true,
      },
    });
    expect(early.json().error.code).toBe('conflict');
    const approved = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${planId}/approve`, headers: therapist });
    expect(approved.json().status).toBe('approved');

    // Block the third week's 10:00 so the series meets a clash and offers alternatives.
    await t.app.inject({
      method: 'POST',
      url: '/api/staff/blocks',
      headers: therapist,
      payload: { practitionerId: 'prac-amira', start: '2026-12-29T10:00:00+04:00', end: '2026-12-29T11:00:00+04:00', note: 'Training' },
    });
    const body = { serviceId: 'svc-nmt-follow-60', practitionerId: 'prac-amira', firstStart: '2026-12-15T10:00:00+04:00', count: 4, intervalDays: 7 };
    const preview = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${planId}/series`, headers: therapist, payload: { ...body, dryRun: true } });
    const visits = preview.json().visits as { index: number; status: string; alternatives: string[] }[];
    expect(visits.map((v) => v.status)).toEqual(['free', 'free', 'clash', 'free']);
    expect(visits[2]?.alternatives.length).toBeGreaterThan(0);
    const refused = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${planId}/series`, headers: therapist, payload: { ...body, dryRun: false } });
    expect(refused.statusCode).toBe(409);
    const booked = await t.app.inject({
      method: 'POST',
      url: `/api/staff/plans/${planId}/series`,
      headers: therapist,
      payload: { ...body, dryRun: false, choices: { '2': visits[2]?.alternatives[0] } },
    });
    expect(booked.statusCode).toBe(201);
    const view = await t.app.inject({ method: 'GET', url: `/api/staff/plans/${planId}`, headers: therapist });
    expect(view.json().appointments).toHaveLength(4);
  });
});
