import { describe, expect, it } from 'vitest';
import { evaluateScreeningFamilies } from './evaluate-screening-families.ts';
import { screenPatient } from './screen-patient.ts';
import { intake } from './screening-case-builder.ts';
import { SCREENING_FAMILY_CASES, type ScreeningFamily } from './screening-cases-families.ts';

const evaluation = evaluateScreeningFamilies();
const FAMILIES: ScreeningFamily[] = [
  'fracture',
  'cervical_arterial',
  'head_injury',
  'cancer_history',
  'weakness',
  'inflammatory_neck',
  'emergency',
  'over_referral',
  'combination',
];

describe('screening family cases (issue 9)', () => {
  it('has several cases per family, each with a negative or positive control, and unique ids', () => {
    const ids = SCREENING_FAMILY_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const family of FAMILIES) {
      const cases = SCREENING_FAMILY_CASES.filter((c) => c.family === family);
      expect(cases.length, family).toBeGreaterThanOrEqual(3);
      const outcomes = new Set(cases.map((c) => c.expected.outcome === 'refer_before_treatment'));
      expect(outcomes.size, `${family} mixes referred and not-referred cases`).toBe(2);
    }
  });

  it.each(evaluation.results.map((r) => [r.id, r] as const))('%s', (_id, result) => {
    expect({
      outcome: result.actualOutcome,
      missed: result.missedRedFlags,
      unexpected: result.unexpectedRedFlags,
      urgency: result.actualUrgency,
      missingPrecautions: result.missingPrecautions,
    }).toEqual({ outcome: result.expectedOutcome, missed: [], unexpected: [], urgency: result.expectedUrgency, missingPrecautions: [] });
  });

  it('measures every family: no red flag missed, no under-triage, no false referral', () => {
    for (const measures of [...evaluation.families, evaluation.overall]) {
      expect(measures.redFlagRecall, measures.family).toBe(1);
      expect(measures.underTriaged, measures.family).toBe(0);
      expect(measures.falseReferralRate ?? 0, measures.family).toBe(0);
    }
  });
});

describe('the emergency outcome', () => {
  it('says call 998 now and names the reason, in English and Arabic', () => {
    const result = screenPatient(intake({ 'med-anticoagulant': true, 'rf-foot-drop-grip': true }), '2026-11-15');
    const action = result.physicianReferral?.emergencyAction;
    expect(result.physicianReferral?.urgency).toBe('emergency');
    expect(action?.en).toMatch(/998/);
    expect(action?.ar).toMatch(/998/);
    expect(result.escalatedBy.map((e) => e.id)).toEqual(['COMBO_BLEEDING_RISK']);
    expect(action?.en).toContain(result.escalatedBy[0]?.because.en);
  });

  it('is absent when nothing is an emergency', () => {
    const result = screenPatient(intake({ 'rf-foot-drop-grip': true }), '2026-11-15');
    expect(result.physicianReferral?.urgency).toBe('same_day');
    expect(result.physicianReferral?.emergencyAction).toBeUndefined();
    expect(result.escalatedBy).toEqual([]);
  });
});

describe('what rules cannot read', () => {
  it('surfaces free text typed under "other" to the clinician', () => {
    const result = screenPatient(intake({ 'medical-history-other': 'Myasthenia, on pyridostigmine', 'med-other': '  ' }), '2026-11-15');
    expect(result.freeText.map((f) => [f.linkId, f.text])).toEqual([['medical-history-other', 'Myasthenia, on pyridostigmine']]);
  });

  it('lists precautions that need a physician to clear them', () => {
    expect(screenPatient(intake({ 'cond-hypertension': 'uncontrolled' }), '2026-11-15').clearanceRequired).toEqual(['CI_HYPERTENSION']);
    expect(screenPatient(intake({ 'cond-hypertension': 'controlled' }), '2026-11-15').clearanceRequired).toEqual([]);
  });
});

describe('findClearanceRequired', () => {
  it('reads new results and derives older ones from their contraindications', async () => {
    const { findClearanceRequired } = await import('./find-clearance-required.ts');
    expect(findClearanceRequired({ clearanceRequired: ['CI_HYPERTENSION'] })).toEqual(['CI_HYPERTENSION']);
    expect(findClearanceRequired({ contraindications: [{ id: 'CI_CANCER_ACTIVE' }, { id: 'CI_SKIN' }] })).toEqual(['CI_CANCER_ACTIVE']);
    expect(findClearanceRequired(null)).toEqual([]);
  });
});
