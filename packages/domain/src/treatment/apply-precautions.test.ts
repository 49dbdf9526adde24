import { describe, expect, it } from 'vitest';
import { emptyAssessmentData, type AssessmentData } from '../clinical/assessment-schemas.ts';
import { screenPatient } from '../screening/screen-patient.ts';
import { intake, SCREENING_DAY, zoneList } from '../screening/screening-case-builder.ts';
import { SCREENING_CASES } from '../screening/screening-cases.ts';
import { applyPrecautions, findPrecautionConflicts, flagsFromScreening, techniqueRowsAsDraft, type PatientFlag } from './apply-precautions.ts';
import { evaluatePlanPrecautions, TYPICAL_ASSESSMENTS } from './evaluate-plan-precautions.ts';
import { loadPrecautionEffects } from './load-precaution-effects.ts';
import { proposeTreatmentPlan } from './propose-treatment-plan.ts';
import type { PlanData } from './treatment-schemas.ts';

const flagsOf = (answers: Parameters<typeof intake>[0]) => flagsFromScreening(screenPatient(intake(answers), SCREENING_DAY));
const caseFlags = (id: string) => {
  const found = SCREENING_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return flagsFromScreening(screenPatient(found.answers, found.today));
};
const typical = (id: string): AssessmentData => TYPICAL_ASSESSMENTS.find((a) => a.id === id)?.data ?? emptyAssessmentData();
const plan = (assessment: AssessmentData, flags: readonly PatientFlag[]) => proposeTreatmentPlan({ assessment, today: SCREENING_DAY, precautions: [], flags });
const rows = (p: PlanData) => p.targets.map((t) => `${t.muscleId}:${t.side ?? 'both'}`);

describe('applyPrecautions, through the plan builder', () => {
  it('varicose veins in the right calf: no gastrocnemius or soleus on the right, the left still worked, and the plan says why', () => {
    const flags = flagsOf({ 'cond-varicose-veins': true, 'varicose-veins-zones': zoneList(['calf', 'right']) });
    const p = plan(typical('calves'), flags);
    expect(rows(p)).not.toContain('gastrocnemius:right');
    expect(rows(p)).not.toContain('soleus:right');
    expect(rows(p)).toContain('gastrocnemius:left');
    expect(p.precautionActions).toContainEqual(
      expect.objectContaining({ action: 'removed', ruleId: 'CI_VARICOSE', item: { kind: 'target', muscleId: 'gastrocnemius', side: 'right' } }),
    );
    const removal = p.precautionActions?.find((a) => a.ruleId === 'CI_VARICOSE');
    expect(removal?.reason.ar.length).toBeGreaterThan(0);
    expect(removal?.sources.length).toBeGreaterThan(0);
  });

  it('osteoporosis: at most 3/10 over the spine and ribs, no forceful joint work, and no towel extension at home', () => {
    const flags = caseFlags('PREC_OSTEOPOROSIS');
    const p = plan(typical('mid_back_ribs'), flags);
    expect(p.targets.length).toBeGreaterThan(0);
    const pressures = p.targets.flatMap((t) => t.techniques.map((d) => d.parameters.pressure ?? 0));
    expect(Math.max(...pressures)).toBeLessThanOrEqual(3);
    expect(p.targets.flatMap((t) => t.techniques.map((d) => d.techniqueId))).not.toContain('scapular_mobilisation');
    expect(p.homeProgram.map((h) => h.selfCareId)).not.toContain('thoracic_extension_towel');
    // Without the precaution the builder would have proposed it, so the removal is shown.
    expect(plan(typical('mid_back_ribs'), []).homeProgram.map((h) => h.selfCareId)).toContain('thoracic_extension_towel');
    expect(p.precautionActions).toContainEqual(
      expect.objectContaining({ action: 'removed', ruleId: 'CI_BONE_FRAGILITY', item: { kind: 'self_care', selfCareId: 'thoracic_extension_towel' } }),
    );
  });

  it('pregnancy: no deep abdominal work on iliopsoas or the abdominal wall, and side-lying positions', () => {
    const flags = caseFlags('PREC_PREGNANCY');
    for (const id of ['abdomen_groin', 'low_back']) {
      const muscles = plan(typical(id), flags).targets.map((t) => t.muscleId);
      expect(muscles).not.toContain('iliopsoas');
      expect(muscles).not.toContain('rectus_abdominis');
    }
    expect(plan(typical('low_back'), flags).positionsToAvoid?.map((p) => p.position)).toEqual(expect.arrayContaining(['prone', 'supine_flat']));
  });

  it('a past TIA: no scalenes, SCM or longus colli, no scalene self-stretch, no end-range neck positions', () => {
    const flags = caseFlags('PREC_TIA_ASPIRIN');
    for (const id of ['neck_desk', 'anterior_neck']) {
      const p = plan(typical(id), flags);
      const muscles = p.targets.map((t) => t.muscleId);
      expect(muscles).not.toContain('scalenes');
      expect(muscles).not.toContain('sternocleidomastoid');
      expect(muscles).not.toContain('longus_colli');
      expect(p.homeProgram.map((h) => h.selfCareId)).not.toContain('scalene_self_stretch');
      expect(p.suggestedChecks?.map((c) => c.muscleId) ?? []).not.toContain('scalenes');
    }
    expect(plan(typical('neck_desk'), flags).positionsToAvoid?.map((p) => p.position)).toContain('end_range_neck');
    // The same patient's posterior neck is still worked (aspirin caps it at light pressure).
    const desk = plan(typical('neck_desk'), flags);
    expect(desk.targets.map((t) => t.muscleId)).toContain('upper_trapezius');
    expect(Math.max(...desk.targets.flatMap((t) => t.techniques.map((d) => d.parameters.pressure ?? 0)))).toBeLessThanOrEqual(3);
  });

  it('keeps the other side of an unsided target when one side is avoided', () => {
    const flags: PatientFlag[] = [{ ruleId: 'CI_VARICOSE', zones: [{ zone: 'calf', side: 'left' }], reason: { en: 'x', ar: 'x' } }];
    const outcome = applyPrecautions({ targets: [{ muscleId: 'soleus', reason: 'r', techniques: [] }], homeProgram: [] }, flags);
    expect(outcome.targets).toEqual([{ muscleId: 'soleus', side: 'right', reason: 'r', techniques: [] }]);
    expect(outcome.actions.map((a) => a.item)).toEqual([{ kind: 'target', muscleId: 'soleus', side: 'left' }]);
  });

  it('adds a required technique the muscle lists, and only that', () => {
    const effects = loadPrecautionEffects();
    const custom = {
      ...effects,
      effects: [
        {
          ruleId: 'CI_TEST',
          requireTechniques: ['met_reciprocal_inhibition', 'scapular_mobilisation'],
          requiresPhysicianClearance: false,
          sources: [{ citation: 'test source' }],
        },
      ],
    };
    const outcome = applyPrecautions(
      { targets: [{ muscleId: 'gluteus_medius', side: 'left', reason: 'r', techniques: [] }], homeProgram: [] },
      [{ ruleId: 'CI_TEST', zones: [], reason: { en: 'x', ar: 'x' } }],
      custom,
    );
    // Gluteus medius lists reciprocal inhibition but not scapular mobilisation.
    expect(outcome.targets[0]?.techniques.map((d) => d.techniqueId)).toEqual(['met_reciprocal_inhibition']);
    expect(outcome.actions.map((a) => a.action)).toEqual(['added']);
  });
});

describe('findPrecautionConflicts', () => {
  const flags = flagsOf({ 'cond-varicose-veins': true, 'varicose-veins-zones': zoneList(['calf', 'right']), 'med-anticoagulant': true });
  const rows = techniqueRowsAsDraft([
    { muscleId: 'gastrocnemius', side: 'right', techniqueId: 'ischemic_compression', parameters: { pressure: 3, holdSeconds: 10 } },
    { muscleId: 'gastrocnemius', side: 'left', techniqueId: 'ischemic_compression', parameters: { pressure: 6, holdSeconds: 10 } },
    { muscleId: 'gastrocnemius', side: 'left', techniqueId: 'passive_stretch', parameters: { holdSeconds: 30 } },
  ]);

  it('finds each note row that contradicts a precaution: the avoided side and the pressure above the cap', () => {
    const conflicts = findPrecautionConflicts(rows, flags);
    expect(conflicts.map((c) => [c.ruleId, c.item.kind, 'side' in c.item ? c.item.side : undefined])).toEqual([
      ['CI_VARICOSE', 'target', 'right'],
      ['CI_BLEEDING_RISK', 'pressure', 'left'],
    ]);
  });

  it('accepts a conflict covered by an override of the same rule and item, whatever the pressure written', () => {
    const overrides = [
      {
        ruleId: 'CI_BLEEDING_RISK',
        item: { kind: 'pressure' as const, muscleId: 'gastrocnemius', side: 'left' as const, techniqueId: 'ischemic_compression', from: 1, to: 1 },
      },
    ];
    expect(findPrecautionConflicts(rows, flags, overrides).map((c) => c.ruleId)).toEqual(['CI_VARICOSE']);
    // An override of another rule does not cover it.
    expect(findPrecautionConflicts(rows, flags, [{ ...overrides[0]!, ruleId: 'CI_FIBROMYALGIA' }]).length).toBe(2);
  });
});

describe('the plan measure: every screening case crossed with typical assessments', () => {
  const evaluation = evaluatePlanPrecautions();

  it('proposes no plan row that contradicts a precaution', () => {
    expect(evaluation.plans).toBe(SCREENING_CASES.length * TYPICAL_ASSESSMENTS.length);
    expect(evaluation.examples).toEqual([]);
    expect(evaluation.contradictingRows).toBe(0);
  });

  it('never proposes a muscle next to an endangerment site above the endangerment pressure', () => {
    expect(evaluation.endangermentRowsAtDefaultPressure).toBe(0);
  });

  it('is a measure that can fail: plans built while ignoring the precautions contradict them', () => {
    let ignored = 0;
    for (const testCase of SCREENING_CASES.filter((c) => c.kind === 'precautions')) {
      const flags = flagsFromScreening(screenPatient(testCase.answers, testCase.today));
      for (const { data } of TYPICAL_ASSESSMENTS) {
        const unsafe = proposeTreatmentPlan({ assessment: data, today: testCase.today, precautions: [] });
        ignored += findPrecautionConflicts({ targets: unsafe.targets, homeProgram: unsafe.homeProgram }, flags).length;
      }
    }
    expect(ignored).toBeGreaterThan(50);
    expect(evaluation.precautionActions).toBeGreaterThan(50);
  });
});
