import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { loadScreeningRules } from './load-screening-rules.ts';
import { patientAdvice, PatientAdviceFile, type AdviceAction } from './patient-advice.ts';
import { screenPatient } from './screen-patient.ts';
import { intake, SCREENING_DAY } from './screening-case-builder.ts';
import type { ScreeningResult } from './screening-result.ts';

/** What the screen decides for these answers, in the words patients are given. */
function actionOf(result: ScreeningResult): AdviceAction | 'proceed' {
  const urgency = result.physicianReferral?.urgency;
  if (urgency === 'emergency') return 'call_998';
  if (urgency === 'same_day') return 'see_doctor_today';
  if (urgency === 'soon' || result.clearanceRequired.length > 0) return 'see_doctor_first';
  return result.outcome === 'proceed_with_precautions' ? 'tell_us' : 'proceed';
}

describe('patient advice says the same as the rules', () => {
  const rules = loadScreeningRules();
  const ruleIds = new Set([...rules.redFlags.rules.map((r) => r.id), ...rules.contraindications.rules.map((r) => r.id)]);

  it('matches its schema, with unique ids and known rules', () => {
    expect([...Value.Errors(PatientAdviceFile, patientAdvice)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    const ids = patientAdvice.signs.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(patientAdvice.signs.flatMap((s) => s.ruleIds).filter((id) => !ruleIds.has(id))).toEqual([]);
  });

  it.each(patientAdvice.signs.map((s) => [s.id, s] as const))('%s: the screen decides the action the text gives', (_id, sign) => {
    const result = screenPatient(intake(sign.answers), SCREENING_DAY);
    expect(actionOf(result)).toBe(sign.action);
    const raised = [...result.redFlags.map((f) => f.id), ...result.contraindications.map((c) => c.id)];
    expect(sign.ruleIds.filter((id) => !raised.includes(id))).toEqual([]);
  });

  it('names the saddle area, not the groin, for cauda equina', () => {
    const ces = patientAdvice.signs.find((s) => s.ruleIds.includes('RF_CES'));
    expect(ces?.text.en).toMatch(/genitals, back passage, inner buttocks/);
    expect(ces?.text.en).not.toMatch(/groin/i);
  });

  it('covers heat on numb skin, bruising on blood thinners and sitting up slowly after neck work', () => {
    expect(patientAdvice.aftercare.map((a) => a.id)).toEqual(expect.arrayContaining(['heat', 'bruising_anticoagulant', 'sit_up_slowly']));
  });
});
