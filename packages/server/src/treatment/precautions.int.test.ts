import { intake, zoneList } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { SIGNATURE } from '../test-support/clinical-fixtures.ts';

const ASSESSMENT = {
  painMap: [
    { zone: 'calf', side: 'left', intensity: 5 },
    { zone: 'calf', side: 'right', intensity: 5 },
  ],
  triggerPoints: [
    { muscleId: 'gastrocnemius', side: 'right', activity: 'active', reproducesFamiliarPain: true },
    { muscleId: 'gastrocnemius', side: 'left', activity: 'active', reproducesFamiliarPain: true },
  ],
  tautBands: [],
  tenderAreas: [],
  nerveFindings: [],
  posture: [],
  gait: [],
  biomechanics: [],
  perpetuatingFactors: { biomechanical: [], biochemical: [], psychosocial: [] },
  problems: [],
};
const GASTROC_RIGHT = { kind: 'target', muscleId: 'gastrocnemius', side: 'right' } as const;
const REASON = 'Veins reviewed by the vascular surgeon; light work cleared in writing.';
type Target = { muscleId: string; side?: string; reason: string; techniques: { techniqueId: string; parameters: Record<string, number> }[] };

describe.each(databaseTargets)('plans and notes obey precautions on %s', (target) => {
  let t: TestApp;
  let therapist: Record<string, string>;
  let physician: Record<string, string>;
  let planId: string;
  let plan: { data: { targets: Target[]; precautionActions: { ruleId: string; action: string; item: unknown }[] } & Record<string, unknown> };
  let sessionId: string;

  beforeAll(async () => {
    // The clock moves over days here: sessions that outlast it, as in treatment.int.test.ts.
    t = await createTestApp(target, { config: { sessionIdleMinutes: 7 * 24 * 60, sessionMaxHours: 7 * 24, onlineBookingsPerContact: 100 } });
    const booking = (
      await t.app.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          serviceId: 'svc-nmt-initial',
          practitionerId: 'prac-amira',
          start: '2026-12-01T09:00:00+04:00',
          patient: { name: 'Mona Farid', email: 'mona.f@example.com' },
        },
      })
    ).json();
    const url = (suffix = '') => `/api/intake/${booking.reference}${suffix}?token=${booking.manageToken}`;
    const answers = intake({
      'cond-varicose-veins': true,
      'varicose-veins-zones': zoneList(['calf', 'right']),
      'pain-map': JSON.stringify(ASSESSMENT.painMap),
    });
    await t.app.inject({ method: 'PUT', url: url(), payload: { response: intakeResponse(answers), language: 'en' } });
    expect((await t.app.inject({ method: 'POST', url: url('/submit') })).json().outcome).toBe('proceed_with_precautions');
    await t.app.inject({
      method: 'POST',
      url: url('/consent'),
      payload: { version: currentConsentVersion, language: 'en', typedName: 'Mona Farid', signature: SIGNATURE },
    });
    therapist = await signIn(t.app, 'amira@demo.myomap.app');
    physician = await signIn(t.app, 'dr.yousef@demo.myomap.app');
    t.clock.set('2026-12-01T05:00:00Z');
    const patientId = (await t.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booking.id]))[0]?.patient_id ?? '';
    const assessment = (await t.app.inject({ method: 'POST', url: `/api/staff/patients/${patientId}/assessments`, headers: therapist })).json();
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/staff/assessments/${assessment.id}`, headers: therapist, payload: { data: ASSESSMENT } })).statusCode,
    ).toBe(200);
    const proposed = await t.app.inject({ method: 'POST', url: `/api/staff/assessments/${assessment.id}/plan`, headers: therapist });
    expect(proposed.statusCode).toBe(201);
    planId = proposed.json().id;
    plan = proposed.json();
    const session = await t.app.inject({ method: 'POST', url: `/api/staff/appointments/${booking.id}/sessions`, headers: therapist });
    expect(session.statusCode).toBe(201);
    sessionId = session.json().id;
    // Setup is a whole clinic's worth of requests; on a shared, loaded machine it can take minutes.
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('proposes no work on the avoided right calf and says why', () => {
    const rows = plan.data.targets.map((x) => `${x.muscleId}:${x.side ?? ''}`);
    expect(rows).toContain('gastrocnemius:left');
    expect(rows).not.toContain('gastrocnemius:right');
    expect(plan.data.precautionActions).toContainEqual(expect.objectContaining({ ruleId: 'CI_VARICOSE', action: 'removed', item: GASTROC_RIGHT }));
  });

  it('refuses a plan row that contradicts a precaution without an override (409 precaution_conflict), and changes nothing', async () => {
    const left = plan.data.targets.find((x) => x.muscleId === 'gastrocnemius');
    const data = { ...plan.data, targets: [...plan.data.targets, { ...left, side: 'right' }] };
    const refused = await t.app.inject({ method: 'PUT', url: `/api/staff/plans/${planId}`, headers: therapist, payload: { data } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('precaution_conflict');
    expect(refused.json().error.details.conflicts).toContainEqual(expect.objectContaining({ ruleId: 'CI_VARICOSE', item: GASTROC_RIGHT }));
    const tooShort = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/plans/${planId}`,
      headers: therapist,
      payload: { data, overrides: [{ ruleId: 'CI_VARICOSE', item: GASTROC_RIGHT, reason: 'ok' }] },
    });
    expect(tooShort.statusCode).toBe(400);
    const wrongRule = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/plans/${planId}`,
      headers: therapist,
      payload: { data, overrides: [{ ruleId: 'CI_PREGNANCY', item: GASTROC_RIGHT, reason: REASON }] },
    });
    expect(wrongRule.json().error.code).toBe('precaution_conflict');
    const view = await t.app.inject({ method: 'GET', url: `/api/staff/plans/${planId}`, headers: therapist });
    expect(view.json().data.targets).toEqual(plan.data.targets);
    expect(view.json().overrides).toEqual([]);
  });

  it('keeps the row with an override and its reason, which the co-signing physician sees', async () => {
    const left = plan.data.targets.find((x) => x.muscleId === 'gastrocnemius');
    const data = { ...plan.data, targets: [...plan.data.targets, { ...left, side: 'right' }] };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/plans/${planId}`,
      headers: therapist,
      payload: { data, overrides: [{ ruleId: 'CI_VARICOSE', item: GASTROC_RIGHT, reason: REASON }] },
    });
    expect(saved.statusCode).toBe(200);
    // A later save need not repeat the reason: the recorded override stands.
    const again = await t.app.inject({ method: 'PUT', url: `/api/staff/plans/${planId}`, headers: therapist, payload: { data } });
    expect(again.statusCode).toBe(200);
    const approved = await t.app.inject({ method: 'POST', url: `/api/staff/plans/${planId}/approve`, headers: therapist });
    expect(approved.json()).toMatchObject({ status: 'awaiting_cosign', requiresCosign: true });
    const seen = await t.app.inject({ method: 'GET', url: `/api/staff/plans/${planId}`, headers: physician });
    expect(seen.json().overrides).toEqual([
      expect.objectContaining({ ruleId: 'CI_VARICOSE', item: GASTROC_RIGHT, reason: REASON, by: 'Amira Saleh', role: 'therapist' }),
    ]);
    expect((await t.app.inject({ method: 'POST', url: `/api/staff/plans/${planId}/cosign`, headers: physician })).json().status).toBe('approved');
    // Overrides are a record: the database refuses to change them.
    await expect(t.ctx.db.query(`update precaution_overrides set reason = 'changed reason text' where plan_id = $1`, [planId])).rejects.toMatchObject({
      code: 'P0001',
    });
  });

  it('starts the note from the plan: rows not done, pain not measured, the plan’s override carried over', async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/staff/sessions/${sessionId}/note`, headers: therapist });
    expect(created.statusCode).toBe(201);
    const note = (await t.app.inject({ method: 'GET', url: `/api/staff/notes/${created.json().id}`, headers: therapist })).json();
    expect(note.data.subjective).toMatchObject({ pain: null, sorenessSinceLast: null });
    expect(note.data.techniques.length).toBeGreaterThan(0);
    expect(note.data.techniques.every((r: { done: boolean }) => r.done === false)).toBe(true);
    expect(note.data.techniques.some((r: { muscleId: string; side?: string }) => r.muscleId === 'gastrocnemius' && r.side === 'right')).toBe(true);
    expect(note.overrides).toEqual([expect.objectContaining({ ruleId: 'CI_VARICOSE', item: GASTROC_RIGHT })]);

    // A new row on the avoided side for another muscle needs its own override.
    const soleus = {
      muscleId: 'soleus',
      side: 'right',
      techniqueId: 'ischemic_compression',
      parameters: { pressure: 5, holdSeconds: 10, repetitions: 3 },
      done: true,
    };
    const data = { ...note.data, techniques: [...note.data.techniques, soleus] };
    const refused = await t.app.inject({ method: 'PUT', url: `/api/staff/notes/${note.id}`, headers: therapist, payload: { data } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('precaution_conflict');
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/notes/${note.id}`,
      headers: therapist,
      payload: {
        data: { ...data, subjective: { ...data.subjective, pain: 4 } },
        overrides: [{ ruleId: 'CI_VARICOSE', item: { kind: 'target', muscleId: 'soleus', side: 'right' }, reason: REASON }],
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.subjective).toMatchObject({ pain: 4, sorenessSinceLast: null });
    expect(saved.json().overrides).toHaveLength(2);
  });
});
