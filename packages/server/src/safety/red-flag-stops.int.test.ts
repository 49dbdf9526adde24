import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import type { IntakeAnswers } from '@myomap/domain/screening/screen-patient';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

/** Issue 9: where a red flag stands, reasoning stops; the queue is ordered by urgency, then waiting time. */
describe.each(databaseTargets)('red flags stop reasoning on %s', (target) => {
  let t: TestApp;
  let physician: Awaited<ReturnType<typeof signIn>>;
  let therapist: Awaited<ReturnType<typeof signIn>>;
  const patients: Record<string, { patientId: string; appointmentId: string }> = {};
  let slot = 0;

  /** Books a visit, answers and submits the intake at the given time; returns the patient. */
  async function screened(name: string, answers: IntakeAnswers, at: string) {
    t.clock.set(at);
    const [practitioner, hour] = [
      ['prac-amira', 9],
      ['prac-omar', 9],
      ['prac-amira', 11],
      ['prac-omar', 11],
      ['prac-amira', 14],
    ][slot++] ?? ['prac-omar', 14];
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        serviceId: 'svc-nmt-initial',
        practitionerId: practitioner,
        start: `2026-12-01T${String(hour).padStart(2, '0')}:00:00+04:00`,
        patient: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.com` },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const booking = response.json<{ id: string; reference: string; manageToken: string }>();
    const url = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
    const saved = await t.app.inject({ method: 'PUT', url: url(), payload: { response: intakeResponse(answers), language: 'en' } });
    expect(saved.json().missingRequired).toEqual([]);
    const submitted = await t.app.inject({ method: 'POST', url: url('/submit') });
    expect(submitted.statusCode).toBe(200);
    const [row] = await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]);
    return { patientId: row?.patient_id ?? '', appointmentId: booking.id };
  }

  beforeAll(async () => {
    // The clock moves over days here: sessions that outlast it, as in treatment.int.test.ts.
    t = await createTestApp(target, { config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 7 * 24, onlineBookingsPerContact: 100 } });
    physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    // Screened oldest first: the precautions patient has waited longest, the emergency least.
    patients.precautions = await screened('Pre Caution', intake({ 'med-anticoagulant': true }), '2026-11-30T04:00:00Z');
    patients.soonEarly = await screened('Soon Early', intake({ 'nmd-functional-weakness': true, 'nmd-rapid': false }), '2026-11-30T05:00:00Z');
    patients.clearance = await screened('Clear Ance', intake({ 'cond-hypertension': 'uncontrolled' }), '2026-11-30T06:00:00Z');
    patients.soonLate = await screened('Soon Late', intake({ 'nmd-wasting': true }), '2026-11-30T07:00:00Z');
    patients.emergency = await screened('Emer Gency', intake({ 'med-anticoagulant': true, 'rf-foot-drop-grip': true }), '2026-11-30T08:00:00Z');
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  it('orders the review queue by urgency, then by how long the patient has waited', async () => {
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/reviews', headers: physician });
    expect(queue.statusCode).toBe(200);
    const order = queue.json<{ patientId: string; urgency: string }[]>().map((q) => [q.patientId, q.urgency]);
    const ids = Object.values(patients).map((p) => p.patientId);
    expect(order.filter(([id]) => ids.includes(id ?? ''))).toEqual([
      [patients.emergency?.patientId, 'emergency'],
      [patients.soonEarly?.patientId, 'soon'],
      [patients.soonLate?.patientId, 'soon'],
      [patients.clearance?.patientId, 'clearance'],
      [patients.precautions?.patientId, 'precautions'],
    ]);
  });

  it('names the reason in the emergency outcome and says 998', async () => {
    const safety = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patients.emergency?.patientId}/safety`, headers: therapist });
    const referral = safety.json().screening.result.physicianReferral;
    expect(referral.urgency).toBe('emergency');
    expect(referral.emergencyAction.en).toContain('998');
    expect(safety.json().screening.result.escalatedBy.map((e: { id: string }) => e.id)).toEqual(['COMBO_BLEEDING_RISK']);
  });

  it('suspends trigger-point reasoning while the screen refers, and refuses a plan proposal', async () => {
    const { patientId } = patients.emergency ?? { patientId: '' };
    const reasoning = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}/reasoning`, headers: therapist });
    expect(reasoning.statusCode).toBe(200);
    expect(reasoning.json()).toMatchObject({ status: 'suspended', cause: 'screen_refers' });
    expect(reasoning.json().redFlags.map((f: { id: string }) => f.id)).toContain('RF_NEURO_DEF');
    const assessment = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist })).json<{ id: string }>();
    const plans = async () => (await t.ctx.db.query<{ n: number }>('select count(*)::int as n from treatment_plans where patient_id = $1', [patientId]))[0]?.n;
    const proposal = await t.app.inject({ method: 'POST', url: `/api/staff/assessments/${assessment.id}/plan`, headers: therapist });
    expect(proposal.statusCode).toBe(409);
    expect(proposal.json().error.code).toBe('reasoning_suspended');
    expect(proposal.json().error.details.reasoning.status).toBe('suspended');
    expect(await plans()).toBe(0);
    const clean = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patients.precautions?.patientId}/reasoning`, headers: therapist });
    expect(clean.json()).toEqual({ status: 'active' });
  });

  it('will not clear an emergency flag without a written reason, and changes nothing', async () => {
    const { patientId } = patients.emergency ?? { patientId: '' };
    const reviews = async () =>
      (await t.ctx.db.query<{ n: number }>('select count(*)::int as n from physician_reviews where patient_id = $1', [patientId]))[0]?.n;
    for (const notes of ['', '   ok   ']) {
      const bare = await t.app.inject({
        method: 'POST',
        url: `/api/staff/patients/${patientId}/reviews`,
        headers: physician,
        payload: { decision: 'clear', notes },
      });
      expect(bare.statusCode).toBe(422);
      expect(bare.json().error.code).toBe('clearance_reason_required');
    }
    expect(await reviews()).toBe(0);
    const reasoned = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patientId}/reviews`,
      headers: physician,
      payload: { decision: 'clear', notes: 'Seen in the emergency department; MRI lumbar spine normal, INR in range.' },
    });
    expect(reasoned.statusCode).toBe(201);
    const reasoning = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patientId}/reasoning`, headers: therapist });
    expect(reasoning.json()).toEqual({ status: 'active' });
  });

  it('clears a same-day or soon flag without a minimum reason (only emergencies need one)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/staff/patients/${patients.soonLate?.patientId}/reviews`,
      headers: physician,
      payload: { decision: 'clear', notes: '' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('blocks the session for a precaution that needs clearance (uncontrolled blood pressure)', async () => {
    const safety = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patients.clearance?.patientId}/safety`, headers: therapist });
    expect(safety.json().screening.outcome).toBe('proceed_with_precautions');
    expect(safety.json().clearanceRequired).toEqual(['CI_HYPERTENSION']);
    expect(safety.json().gate).toMatchObject({ allowed: false, blocks: expect.arrayContaining(['physician_clearance_required']) });
  });

  it('reports no improvement check before treatment has started', async () => {
    const safety = await t.app.inject({ method: 'GET', url: `/api/staff/patients/${patients.precautions?.patientId}/safety`, headers: therapist });
    expect(safety.json().improvement).toEqual({ status: 'no_data', weeks: 0 });
  });
});
