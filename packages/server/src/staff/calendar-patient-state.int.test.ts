import type { CalendarOut, CalendarPatientState } from '@myomap/contract/staff/calendar.schemas';
import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import type { IntakeAnswers } from '@myomap/domain/screening/screen-patient';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { workOutbox } from '../workers/outbox-worker.ts';
import { SIGNATURE, SHOULDER_NOTE } from '../test-support/clinical-fixtures.ts';

const SHOULDER = {
  painMap: [{ zone: 'anterior_shoulder', side: 'right', intensity: 7 }],
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
const REFERS = intake({ 'nmd-wasting': true });
const PRECAUTIONS = intake({ 'med-anticoagulant': true });

/** Issue 12: every visit on the calendar carries its patient's state, built here through the real use-cases. */
describe.each(databaseTargets)('the patient state on the calendar on %s', (target) => {
  let t: TestApp;
  let desk: Record<string, string>;
  let therapist: Record<string, string>;
  let physician: Record<string, string>;
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer = { transport: 'smtp' as const, send: async (m: { to: string; subject: string; text: string }) => void sent.push(m), close: () => undefined };

  async function book(start: string, who: { patientId: string } | { name: string }, practitionerId = 'prac-amira') {
    const patient =
      'patientId' in who ? { patientId: who.patientId } : { patient: { name: who.name, email: `${who.name.toLowerCase().replace(/\W/g, '')}@example.com` } };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments',
      headers: desk,
      payload: { serviceId: 'svc-nmt-initial', practitionerId, start, ...patient },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const [row] = await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [id]);
    return { id, patientId: row?.patient_id ?? '' };
  }
  async function fillIntake(appointmentId: string, answers: IntakeAnswers, submit = true) {
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/appointments/${appointmentId}/intake`,
      headers: desk,
      payload: { response: intakeResponse(answers), language: 'en' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    if (submit)
      expect((await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${appointmentId}/intake/submit`, headers: desk })).statusCode).toBe(200);
  }
  async function signConsent(appointmentId: string, typedName: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/appointments/${appointmentId}/intake/consent`,
      headers: desk,
      payload: { version: currentConsentVersion, language: 'en', typedName, signature: SIGNATURE },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  async function review(patientId: string, decision: 'clear' | 'refer') {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patientId}/reviews`,
      headers: physician,
      payload:
        decision === 'refer'
          ? { decision, notes: 'Wasting progressed.', referral: { to: 'Neurology', tests: ['EMG'], urgency: 'soon' } }
          : { decision, notes: 'Seen; neurological examination normal, no progression over a month.' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  async function stateOf(appointmentId: string): Promise<CalendarPatientState | null | undefined> {
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/calendar?from=2026-11-30&to=2026-12-20', headers: desk });
    expect(res.statusCode).toBe(200);
    return res.json<CalendarOut>().events.find((e) => e.id === appointmentId)?.patientState;
  }

  beforeAll(async () => {
    t = await createTestApp(target, { mailer, config: { sessionIdleMinutes: 14 * 24 * 60, sessionMaxHours: 14 * 24 } });
    desk = await signIn(t.app, 'reception@demo.myomap.app');
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows a new patient with nothing done yet, and a known one on the next visit', async () => {
    const first = await book('2026-12-01T09:00:00+04:00', { name: 'Nadia New' });
    const next = await book('2026-12-08T09:00:00+04:00', { patientId: first.patientId });
    expect(await stateOf(first.id)).toEqual({
      newPatient: true,
      intake: 'not_started',
      consentSigned: false,
      screening: 'not_screened',
      planCosignPending: false,
      aftercareAlert: false,
    });
    expect(await stateOf(next.id)).toMatchObject({ newPatient: false, intake: 'not_started' });
    await fillIntake(next.id, intake(), false);
    expect(await stateOf(next.id)).toMatchObject({ intake: 'in_progress', screening: 'not_screened' });
    // A cancelled first visit is no history: the next one is the patient's first again.
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${first.id}/cancel`, headers: desk, payload: {} })).statusCode).toBe(200);
    expect(await stateOf(next.id)).toMatchObject({ newPatient: true });
    // Blocks carry no patient state.
    const block = await t.app.inject({
      method: 'POST',
      url: '/api/staff/blocks',
      headers: desk,
      payload: { practitionerId: 'prac-omar', start: '2026-12-01T13:00:00+04:00', end: '2026-12-01T14:00:00+04:00', note: 'Training' },
    });
    expect(await stateOf(block.json<{ id: string }>().id)).toBeNull();
  });

  it('flags a referral from screening until a physician clears it, and signed consent', async () => {
    const visit = await book('2026-12-01T11:00:00+04:00', { name: 'Rami Refer' });
    await fillIntake(visit.id, REFERS);
    await signConsent(visit.id, 'Rami Refer');
    expect(await stateOf(visit.id)).toMatchObject({ intake: 'submitted', consentSigned: true, screening: 'refer' });
    t.clock.set('2026-11-30T05:00:00Z');
    await review(visit.patientId, 'clear');
    expect(await stateOf(visit.id)).toMatchObject({ screening: 'cleared_by_physician' });
    t.clock.set('2026-11-30T06:00:00Z');
    await review(visit.patientId, 'refer');
    expect(await stateOf(visit.id)).toMatchObject({ screening: 'refer' });
  });

  it('keeps a referral that a later reassuring screen would hide, until a physician clears', async () => {
    t.clock.set('2026-11-30T07:00:00Z');
    const first = await book('2026-12-01T14:00:00+04:00', { name: 'Huda Hidden' }, 'prac-omar');
    await fillIntake(first.id, REFERS);
    const second = await book('2026-12-08T11:00:00+04:00', { patientId: first.patientId });
    t.clock.set('2026-11-30T08:00:00Z');
    await fillIntake(second.id, intake());
    const [latest] = await t.ctx.db.query<{ outcome: string }>('select outcome from screenings where patient_id = $1 order by created_at desc limit 1', [
      first.patientId,
    ]);
    expect(latest?.outcome).toBe('proceed');
    expect(await stateOf(first.id)).toMatchObject({ screening: 'refer' });
    expect(await stateOf(second.id)).toMatchObject({ screening: 'refer', intake: 'submitted', newPatient: false });
    // The treatment gate and the physicians' queue agree with the calendar: the referral still stands.
    const safety = () => t.app.inject({ method: 'GET', url: `/api/staff/patients/${first.patientId}/safety`, headers: therapist });
    expect((await safety()).json().gate.blocks).toContain('physician_clearance_required');
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/reviews', headers: physician });
    expect(queue.json().find((q: { patientId: string }) => q.patientId === first.patientId)).toMatchObject({ outcome: 'refer_before_treatment' });
    t.clock.set('2026-11-30T09:00:00Z');
    await review(first.patientId, 'clear');
    expect(await stateOf(second.id)).toMatchObject({ screening: 'cleared_by_physician' });
    expect((await safety()).json().gate.blocks).not.toContain('physician_clearance_required');
    // A screen after the clearance that refers again needs a new clearance.
    const third = await book('2026-12-15T11:00:00+04:00', { patientId: first.patientId });
    t.clock.set('2026-11-30T10:00:00Z');
    await fillIntake(third.id, REFERS);
    expect(await stateOf(third.id)).toMatchObject({ screening: 'refer' });
  });

  it('shows precautions and a plan waiting for the co-signature', async () => {
    t.clock.set('2026-11-30T11:00:00Z');
    const visit = await book('2026-12-07T09:00:00+04:00', { name: 'Pia Precaution' });
    await fillIntake(visit.id, PRECAUTIONS);
    expect(await stateOf(visit.id)).toMatchObject({ screening: 'precautions', planCosignPending: false });
    const assessment = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${visit.patientId}/assessments`, headers: therapist })).json<{
      id: string;
    }>();
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/staff/assessments/${assessment.id}`, headers: therapist, payload: { data: SHOULDER } })).statusCode,
    ).toBe(200);
    const plan = await t.app.inject({ method: 'POST', url: `/api/staff/assessments/${assessment.id}/plan`, headers: therapist });
    expect(plan.statusCode, plan.body).toBe(201);
    const approved = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${plan.json<{ id: string }>().id}/approve`, headers: therapist });
    expect(approved.json()).toMatchObject({ status: 'awaiting_cosign' });
    expect(await stateOf(visit.id)).toMatchObject({ screening: 'precautions', planCosignPending: true });
  });

  it('shows an aftercare alert no one has read yet, and drops it once read', async () => {
    t.clock.set('2026-11-30T12:00:00Z');
    const visit = await book('2026-12-09T09:00:00+04:00', { name: 'Sami Sore' });
    const later = await book('2026-12-16T09:00:00+04:00', { patientId: visit.patientId });
    await fillIntake(visit.id, intake());
    await signConsent(visit.id, 'Sami Sore');
    expect(await stateOf(later.id)).toMatchObject({ screening: 'clear', consentSigned: true, aftercareAlert: false });
    t.clock.set('2026-12-09T05:00:00Z');
    const session = await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${visit.id}/sessions`, headers: therapist });
    expect(session.statusCode, session.body).toBe(201);
    const note = (await t.app.inject({ method: 'POST', url: `/api/staff/sessions/${session.json<{ id: string }>().id}/note`, headers: therapist })).json<{
      id: string;
    }>();
    expect((await t.app.inject({ method: 'PUT', url: `/api/staff/notes/${note.id}`, headers: therapist, payload: { data: SHOULDER_NOTE } })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/notes/${note.id}/sign`, headers: therapist })).statusCode).toBe(200);
    t.clock.set('2026-12-10T05:00:00Z');
    while ((await workOutbox(t.ctx.db, mailer, t.clock)) > 0);
    const invite = sent.find((m) => m.subject.startsWith('How are you'));
    const token = /aftercare\/([A-Za-z0-9_-]+)/.exec(invite?.text ?? '')?.[1] ?? '';
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/aftercare/${token}`,
      payload: { soreness: 5, relief: 'some', unexpected: ['calf_swelling'] },
    });
    expect(answer.json()).toEqual({ answered: true, adverse: true });
    expect(await stateOf(later.id)).toMatchObject({ aftercareAlert: true, newPatient: false });
    const alerts = await t.app.inject({ method: 'GET', url: '/api/staff/alerts', headers: therapist });
    const alert = alerts.json<{ id: string; kind: string }[]>().find((a) => a.kind === 'adverse_checkin');
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/alerts/${alert?.id}/read`, headers: therapist })).statusCode).toBeLessThan(300);
    expect(await stateOf(later.id)).toMatchObject({ aftercareAlert: false });
  });
});
