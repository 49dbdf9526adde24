import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { emptyAssessmentData, type AssessmentData } from '../clinical/assessment-schemas.ts';
import { knowledgeBase } from '../knowledge/knowledge-base.ts';
import { addDays, PLAN_LIMITS, proposeTreatmentPlan, TARGET_REASONS, TECHNIQUE_PHASES } from './propose-treatment-plan.ts';
import { PlanData } from './treatment-schemas.ts';

const TODAY = '2026-11-30';

function assessment(patch: Partial<AssessmentData>): AssessmentData {
  return { ...emptyAssessmentData(), ...patch };
}

const shoulderPain = assessment({
  painMap: [
    { zone: 'anterior_shoulder', side: 'right', intensity: 7 },
    { zone: 'lateral_shoulder', side: 'right', intensity: 5 },
  ],
});

describe('proposeTreatmentPlan', () => {
  it('turns shoulder pain into the shoulder and upper extremity protocol, a valid plan', () => {
    const plan = proposeTreatmentPlan({ assessment: shoulderPain, today: TODAY, precautions: [] });
    expect(Value.Check(PlanData, plan)).toBe(true);
    expect(plan.protocolIds[0]).toBe('shoulder_upper_extremity');
    // Nothing palpated: the targets are the source finder's candidates above the threshold, no more.
    expect(plan.targets.length).toBeGreaterThan(0);
    expect(plan.targets.length).toBeLessThanOrEqual(PLAN_LIMITS.sourceCandidates);
    expect(plan.targets.every((t) => t.reason === TARGET_REASONS.sourceCandidate)).toBe(true);
    // Pain on the right only: every target is on the right.
    expect(plan.targets.every((t) => t.side === 'right')).toBe(true);
    // (b) the best referral candidate for front-of-shoulder pain comes first.
    expect(plan.targets[0]).toMatchObject({ muscleId: 'deltoid', reason: TARGET_REASONS.sourceCandidate });
    // (c) the protocol's other muscles are suggestions to palpate, in its listed order, never treatment rows.
    const checks = plan.suggestedChecks ?? [];
    expect(checks.length).toBeGreaterThan(4);
    expect(checks.every((c) => c.protocolId === 'shoulder_upper_extremity' && c.side === 'right')).toBe(true);
    expect(checks.some((c) => plan.targets.some((t) => t.muscleId === c.muscleId))).toBe(false);
    const protocol = knowledgeBase.protocols.find((p) => p.id === 'shoulder_upper_extremity');
    const order = checks.map((c) => protocol?.muscles.indexOf(c.muscleId) ?? -1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('puts a palpated active trigger point first, familiar pain before the rest, latent after the candidates', () => {
    const plan = proposeTreatmentPlan({
      assessment: {
        ...shoulderPain,
        triggerPoints: [
          { muscleId: 'pectoralis_minor', side: 'right', activity: 'latent', reproducesFamiliarPain: false },
          { muscleId: 'supraspinatus', side: 'right', activity: 'active', reproducesFamiliarPain: false },
          { muscleId: 'infraspinatus', side: 'right', activity: 'active', reproducesFamiliarPain: true },
        ],
      },
      today: TODAY,
      precautions: [],
    });
    expect(plan.targets.slice(0, 2).map((t) => [t.muscleId, t.reason])).toEqual([
      ['infraspinatus', TARGET_REASONS.activeFamiliar],
      ['supraspinatus', TARGET_REASONS.active],
    ]);
    const reasons = plan.targets.map((t) => t.reason);
    expect(reasons.indexOf(TARGET_REASONS.latent)).toBeGreaterThan(reasons.lastIndexOf(TARGET_REASONS.sourceCandidate));
    // Each muscle and side once.
    const keys = plan.targets.map((t) => `${t.muscleId}:${t.side ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('treats a key trigger point before a satellite in its referral zone', () => {
    const tpZone = (id: string) => knowledgeBase.muscles.find((m) => m.id === id)?.triggerPoints[0]?.zone;
    // A satellite: a muscle whose trigger point lies in another muscle's referral pattern.
    const key = knowledgeBase.muscles.find((m) => m.id === 'scalenes');
    const satellite = knowledgeBase.muscles.find((m) => m.id !== 'scalenes' && key?.referral.primary.includes(tpZone(m.id) ?? ''));
    expect(satellite).toBeDefined();
    const plan = proposeTreatmentPlan({
      assessment: assessment({
        triggerPoints: [
          { muscleId: satellite?.id ?? '', side: 'left', activity: 'active', reproducesFamiliarPain: true },
          { muscleId: 'scalenes', side: 'left', activity: 'active', reproducesFamiliarPain: true },
        ],
      }),
      today: TODAY,
      precautions: [],
    });
    expect(plan.targets.slice(0, 2).map((t) => t.muscleId)).toEqual(['scalenes', satellite?.id]);
  });

  it('doses each target one technique per phase, in session order, at the defaults', () => {
    const plan = proposeTreatmentPlan({ assessment: shoulderPain, today: TODAY, precautions: [] });
    const phaseOf = (id: string) => TECHNIQUE_PHASES.findIndex((phase) => phase.includes(id));
    for (const target of plan.targets) {
      const listed = knowledgeBase.muscles.find((m) => m.id === target.muscleId)?.techniques ?? [];
      const phases = target.techniques.map((d) => phaseOf(d.techniqueId));
      expect(phases).toEqual([...new Set(phases)].sort((a, b) => a - b));
      expect(target.techniques.every((d) => listed.includes(d.techniqueId))).toBe(true);
    }
    const trapeziusPlan = proposeTreatmentPlan({
      assessment: assessment({ triggerPoints: [{ muscleId: 'upper_trapezius', side: 'left', activity: 'active', reproducesFamiliarPain: true }] }),
      today: TODAY,
      precautions: [],
    });
    const upperTrapezius = trapeziusPlan.targets.find((t) => t.muscleId === 'upper_trapezius');
    // Its list names pincer before ischemic compression: pincer grip for a graspable muscle (§3.1).
    expect(upperTrapezius?.techniques.map((d) => d.techniqueId)).toEqual([
      'gliding_strokes',
      'pincer_compression',
      'met_post_isometric_relaxation',
      'passive_stretch',
      'scapular_mobilisation',
    ]);
    // The default pressure is 6, but the muscle borders the posterior triangle of the neck (an
    // endangerment site): it is never proposed above the endangerment limit, and the plan says why.
    expect(upperTrapezius?.techniques[1]?.parameters).toEqual({ pressure: 4, holdSeconds: 10, repetitions: 3 });
    expect(trapeziusPlan.precautionActions).toContainEqual(
      expect.objectContaining({
        ruleId: 'endangerment',
        action: 'capped',
        item: expect.objectContaining({ kind: 'pressure', muscleId: 'upper_trapezius', techniqueId: 'pincer_compression', from: 6, to: 4 }),
      }),
    );
  });

  it('plans an acute episode twice a week with reciprocal inhibition, a chronic one weekly for six weeks', () => {
    const withSubscapularis = {
      ...shoulderPain,
      triggerPoints: [{ muscleId: 'subscapularis', side: 'right' as const, activity: 'active' as const, reproducesFamiliarPain: true }],
    };
    const chronic = proposeTreatmentPlan({ assessment: withSubscapularis, today: TODAY, precautions: [] });
    expect(chronic.frequency).toEqual({ sessionsPerWeek: 1, weeks: 6, totalSessions: 6 });
    const acute = proposeTreatmentPlan({ assessment: withSubscapularis, today: TODAY, precautions: [], painDuration: 'lt_6_weeks' });
    expect(acute.frequency).toEqual({ sessionsPerWeek: 2, weeks: 3, totalSessions: 6 });
    const subscapularis = (plan: PlanData) => plan.targets.find((t) => t.muscleId === 'subscapularis')?.techniques.map((d) => d.techniqueId) ?? [];
    const lengthen = (ids: string[]) => ids.find((id) => id.startsWith('met_'));
    expect(lengthen(subscapularis(chronic))).toBe('met_post_isometric_relaxation');
    expect(lengthen(subscapularis(acute))).toBe('met_reciprocal_inhibition');
  });

  it.each([
    [7, 4],
    [10, 7],
    [6, 4],
    [5, 3],
    [3, 1],
    [2, 0],
    [1, 0],
  ])('sets the NPRS goal from the worst pain %i to %i or less (2 points or 30 percent, Farrar 2001)', (worst, target) => {
    const plan = proposeTreatmentPlan({
      assessment: assessment({
        painMap: [
          { zone: 'anterior_shoulder', side: 'left', intensity: Math.max(0, worst - 2) },
          { zone: 'lateral_shoulder', side: 'left', intensity: worst },
        ],
      }),
      today: TODAY,
      precautions: [],
    });
    expect(plan.goals[0]).toEqual({ measure: 'nprs', baseline: worst, target });
  });

  it('raises each PSFS activity by 3 points up to 10 (Stratford 1995), skipping a full score', () => {
    const plan = proposeTreatmentPlan({
      assessment: shoulderPain,
      today: TODAY,
      precautions: [],
      psfs: [
        { activity: 'Reaching to the top shelf', score: 3 },
        { activity: 'Sleeping on the right side', score: 8 },
        { activity: 'Swimming', score: 10 },
        { activity: '  ', score: 2 },
      ],
    });
    expect(plan.goals).toEqual([
      { measure: 'nprs', baseline: 7, target: 4 },
      { measure: 'psfs', activity: 'Reaching to the top shelf', baseline: 3, target: 6 },
      { measure: 'psfs', activity: 'Sleeping on the right side', baseline: 8, target: 10 },
    ]);
  });

  it('carries the precautions, re-assesses in 30 days and is deterministic', () => {
    const precautions = [
      'Light pressure only: no stripping or deep compression; watch for bruising.',
      ' Light pressure only: no stripping or deep compression; watch for bruising. ',
      '',
    ];
    const input = { assessment: shoulderPain, today: '2026-12-15', precautions };
    const plan = proposeTreatmentPlan(input);
    expect(plan.precautions).toEqual(['Light pressure only: no stripping or deep compression; watch for bruising.']);
    expect(plan.reassessmentDate).toBe('2027-01-14');
    expect(proposeTreatmentPlan(input)).toEqual(plan);
  });

  it('picks home-program items for the targets, at most two of a kind, with their default dose', () => {
    const plan = proposeTreatmentPlan({ assessment: shoulderPain, today: TODAY, precautions: [] });
    expect(plan.homeProgram.length).toBeGreaterThanOrEqual(PLAN_LIMITS.homeProgramMin);
    expect(plan.homeProgram.length).toBeLessThanOrEqual(PLAN_LIMITS.homeProgramMax);
    const targets = new Set(plan.targets.map((t) => t.muscleId));
    const items = plan.homeProgram.map((h) => knowledgeBase.selfCare.find((s) => s.id === h.selfCareId));
    for (const [index, item] of items.entries()) {
      expect(item?.muscles.some((m) => targets.has(m))).toBe(true);
      expect(plan.homeProgram[index]?.dose).toBe(item?.defaultDose.en);
    }
    const kinds = items.map((item) => item?.kind);
    for (const kind of new Set(kinds)) expect(kinds.filter((k) => k === kind).length).toBeLessThanOrEqual(2);
  });

  it('uses the assessment problems in priority order, or derives them', () => {
    const withProblems = proposeTreatmentPlan({
      assessment: {
        ...shoulderPain,
        problems: [
          { id: 'p2', title: 'Sleep', zones: [], priority: 5, source: 'therapist' },
          { id: 'p1', title: 'Shoulder, right', zones: [], priority: 2, source: 'derived' },
        ],
      },
      today: TODAY,
      precautions: [],
    });
    expect(withProblems.problems).toEqual([
      { title: 'Shoulder, right', priority: 1 },
      { title: 'Sleep', priority: 2 },
    ]);
    expect(proposeTreatmentPlan({ assessment: shoulderPain, today: TODAY, precautions: [] }).problems.length).toBeGreaterThan(0);
  });

  it('proposes an empty but valid plan for an empty assessment', () => {
    const plan = proposeTreatmentPlan({ assessment: emptyAssessmentData(), today: TODAY, precautions: [] });
    expect(Value.Check(PlanData, plan)).toBe(true);
    expect(plan).toMatchObject({ protocolIds: [], targets: [], goals: [] });
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(() => addDays('30/11/2026', 1)).toThrow(RangeError);
  });
});
