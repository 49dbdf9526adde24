import { describe, expect, it } from 'vitest';
import { evaluateScreeningCases } from './evaluate-screening-cases.ts';
import { answersFromQuestionnaireResponse, type IntakeAnswers } from './intake-answers.ts';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';
import type { QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from './questionnaire-schemas.ts';
import { screenPatient } from './screen-patient.ts';
import { bornAt, intake, painMap, SCREENING_DAY, zoneList } from './screening-case-builder.ts';
import { SCREENING_CASES } from './screening-cases.ts';
import { RED_FLAG_IDS } from './screening-schemas.ts';

// The domain package compiles without DOM or Node types; the test runner provides console.
declare const console: { log(...values: unknown[]): void };

const today = SCREENING_DAY;
const evaluation = evaluateScreeningCases();

describe('screening case set', () => {
  it('has at least 40 cases with unique ids, and every red flag in at least one case', () => {
    expect(SCREENING_CASES.length).toBeGreaterThanOrEqual(40);
    const ids = SCREENING_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const covered = new Set(SCREENING_CASES.flatMap((c) => c.expected.redFlags));
    expect(RED_FLAG_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const result of evaluation.cases) {
    it(`${result.id}: ${result.expectedOutcome} with [${result.expectedRedFlags.join(', ')}]`, () => {
      expect({
        outcome: result.actualOutcome,
        redFlags: [...result.actualRedFlags].sort(),
        ...(result.expectedUrgency ? { urgency: result.actualUrgency } : {}),
        missingAvoidZones: result.missingAvoidZones,
      }).toEqual({
        outcome: result.expectedOutcome,
        redFlags: [...result.expectedRedFlags].sort(),
        ...(result.expectedUrgency ? { urgency: result.expectedUrgency } : {}),
        missingAvoidZones: [],
      });
    });
  }

  it('catches every expected red flag (sensitivity 100%)', () => {
    const missed = evaluation.cases.filter((c) => c.missedRedFlags.length > 0).map((c) => `${c.id}: ${c.missedRedFlags.join(',')}`);
    expect(missed).toEqual([]);
    expect(evaluation.redFlagRecall).toBe(1);
  });

  it('reports the false-referral rate over the cases that should not be referred', () => {
    console.log(
      `screening: ${evaluation.cases.length} cases, red-flag recall ${(evaluation.redFlagRecall * 100).toFixed(1)}% ` +
        `(${evaluation.expectedRedFlagCount} expected flags), false-referral rate ` +
        `${(evaluation.falseReferralRate * 100).toFixed(1)}% over ${evaluation.noReferralCaseCount} clean and precaution cases`,
    );
    expect(evaluation.falseReferralRate).toBeLessThanOrEqual(0.05);
  });
});

describe('screenPatient', () => {
  it('proceeds with nothing to report for a clean intake', () => {
    const result = screenPatient(intake(), today);
    expect(result).toMatchObject({ outcome: 'proceed', redFlags: [], contraindications: [], precautions: [], avoidZones: [] });
    expect(result.physicianReferral).toBeUndefined();
    expect(result.suspendTriggerPointReasoning).toBe(false);
  });

  it('names the answers that triggered a red flag', () => {
    const result = screenPatient(intake({ 'birth-date': bornAt(55), 'rf-headache-new': true, 'rf-jaw-claudication': true }), today);
    const gca = result.redFlags.find((f) => f.id === 'RF_GCA');
    expect(gca?.reasons).toEqual(expect.arrayContaining(['age: 55', 'rf-jaw-claudication: yes']));
    expect(gca?.certainty).toBe('positive');
  });

  it('refers when a required red-flag question is blank ("could not rule out")', () => {
    const result = screenPatient(intake({ 'rf-thunderclap': undefined }), today);
    expect(result.outcome).toBe('refer_before_treatment');
    expect(result.redFlags).toMatchObject([{ id: 'RF_SAH', certainty: 'not_ruled_out', urgency: 'emergency' }]);
    expect(result.unansweredSafetyQuestions).toEqual(['rf-thunderclap']);
  });

  it('does not refer for a blank question that cannot change the rule', () => {
    // rf-dark-urine-recent is only asked after a yes to rf-dark-urine; with a no it is not applicable.
    const result = screenPatient(intake({ 'rf-dark-urine-recent': undefined }), today);
    expect(result.outcome).toBe('proceed');
  });

  it('turns a blank optional safety question into a precaution quoting the question', () => {
    const result = screenPatient(intake({ 'cond-fragile-skin': undefined }), today);
    expect(result.outcome).toBe('proceed_with_precautions');
    expect(result.precautions).toHaveLength(1);
    expect(result.precautions[0]?.text.en).toContain('Does your skin bruise or tear easily?');
    expect(result.precautions[0]?.text.ar).toContain('هل يُصاب جلدك بالكدمات أو التمزّق بسهولة؟');
  });

  it('avoids both legs when the side of a swollen calf is not given', () => {
    const result = screenPatient(intake({ 'rf-calf-one-swollen': true, 'rf-calf-side': undefined }), today);
    const calves = result.avoidZones.filter((z) => z.zone === 'calf').map((z) => z.side);
    expect(calves.sort()).toEqual(['left', 'right']);
  });

  it('avoids only the leg on the side the patient reports', () => {
    const result = screenPatient(intake({ 'rf-calf-one-swollen': true, 'rf-calf-side': 'right' }), today);
    const sides = new Set(result.avoidZones.filter((z) => z.ruleIds.includes('CI_DVT_LIMB')).map((z) => z.side));
    expect([...sides]).toEqual(['right']);
  });

  it('asks where when a local contraindication has no location and nothing to fall back on', () => {
    const result = screenPatient(intake({ 'cond-recent-surgery': true }), today);
    expect(result.outcome).toBe('proceed_with_precautions');
    const surgery = result.precautions.find((p) => p.ruleId === 'CI_SURGERY_SITE');
    expect(surgery?.text.en).toContain('did not mark where');
    expect(surgery?.zones).toBeUndefined();
  });

  it('keeps a midline zone without a side', () => {
    const result = screenPatient(intake({ 'cond-skin-problem': true, 'skin-problem-zones': zoneList(['sternum', undefined]) }), today);
    expect(result.avoidZones).toEqual([{ zone: 'sternum', ruleIds: ['CI_SKIN'] }]);
  });

  it('ignores answers to questions the questionnaire did not ask', () => {
    // A man cannot be asked about pregnancy; a stale answer must not add a precaution.
    const result = screenPatient(intake({ sex: 'male', 'cond-pregnant': 'yes' }), today);
    expect(result.outcome).toBe('proceed');
  });

  it('suspends trigger-point reasoning for a neuromuscular screen and for emergencies, not for other flags', () => {
    expect(screenPatient(intake({ 'nmd-wasting': true }), today).suspendTriggerPointReasoning).toBe(true);
    expect(screenPatient(intake({ 'rf-thunderclap': true }), today).suspendTriggerPointReasoning).toBe(true);
    expect(screenPatient(intake({ 'rf-girdle-stiffness': true, 'birth-date': bornAt(70) }), today).suspendTriggerPointReasoning).toBe(false);
  });

  it('escalates the neuromuscular referral to same day for bulbar symptoms', () => {
    expect(screenPatient(intake({ 'nmd-twitching': true }), today).physicianReferral?.urgency).toBe('soon');
    expect(screenPatient(intake({ 'nmd-twitching': true, 'nmd-bulbar': true }), today).physicianReferral?.urgency).toBe('same_day');
  });

  it('suggests nerve conduction studies, CK and the genetic tests for a neuromuscular referral', () => {
    const tests = screenPatient(intake({ 'nmd-weakness-main': true, 'nmd-rapid': false }), today).physicianReferral?.suggestedTests ?? [];
    const text = tests.map((t) => t.en).join(' | ');
    for (const expected of ['Nerve conduction studies and EMG', 'Creatine kinase', 'SMN1', 'DMD deletion', 'DMPK']) {
      expect(text).toContain(expected);
    }
  });

  it('uses the statin as context, not as a trigger, in the neuromuscular screen', () => {
    expect(screenPatient(intake({ 'med-statin': true }), today).outcome).toBe('proceed');
    const flag = screenPatient(intake({ 'med-statin': true, 'nmd-cramps-rest': true }), today).redFlags[0];
    expect(flag?.reasons).toEqual(['nmd-cramps-rest: yes', 'context: med-statin: yes']);
  });

  it('treats an unreadable pain map as unanswered', () => {
    const result = screenPatient(intake({ 'pain-map': 'not json', 'rf-fever': true }), today);
    expect(result.redFlags).toMatchObject([{ id: 'RF_INF', certainty: 'not_ruled_out' }]);
  });

  it('is pure: the same answers and day give the same result', () => {
    const answers = intake({ 'rf-calf-swelling': true, 'rf-calf-swelling-side': 'left', 'pain-map': painMap(['calf', 'left', 5]) });
    expect(screenPatient(answers, today)).toEqual(screenPatient(answers, today));
  });
});

/** Builds the FHIR QuestionnaireResponse a form would send for these answers, nested as the questionnaire is. */
function toQuestionnaireResponse(answers: IntakeAnswers): QuestionnaireResponse {
  const build = (items: readonly QuestionnaireItem[]): QuestionnaireResponseItem[] =>
    items.flatMap((item): QuestionnaireResponseItem[] => {
      if (item.type === 'group') {
        const children = build(item.item ?? []);
        return children.length > 0 ? [{ linkId: item.linkId, item: children }] : [];
      }
      const value = answers[item.linkId];
      if (value === undefined) return [];
      const values = Array.isArray(value) ? value : [value];
      const answer = values.map((v: boolean | number | string) => {
        if (item.type === 'choice') return { valueCoding: { system: 'https://myomap.example/fhir/CodeSystem/intake-answers', code: String(v) } };
        if (typeof v === 'boolean') return { valueBoolean: v };
        if (typeof v === 'number') return item.type === 'integer' ? { valueInteger: v } : { valueDecimal: v };
        return item.type === 'date' ? { valueDate: v } : { valueString: v };
      });
      return [{ linkId: item.linkId, answer }];
    });
  return { resourceType: 'QuestionnaireResponse', status: 'completed', item: build(intakeQuestionnaire.item) };
}

describe('answersFromQuestionnaireResponse', () => {
  it('reads nested groups, codings, dates and repeating choices', () => {
    const answers = answersFromQuestionnaireResponse(
      toQuestionnaireResponse(intake({ 'cond-implanted-devices': ['pacemaker_icd', 'insulin_pump'] })),
      intakeQuestionnaire,
    );
    expect(answers['cond-implanted-devices']).toEqual(['pacemaker_icd', 'insulin_pump']);
    expect(answers['birth-date']).toBe(bornAt(35));
    expect(answers['cond-cancer']).toBe('none');
    expect(answers['pain-now']).toBe(5);
    expect(answers['rf-thunderclap']).toBe(false);
  });

  it('gives the same screening result as the flat answers for every case', () => {
    const mismatches = SCREENING_CASES.filter((c) => {
      const viaFhir = screenPatient(answersFromQuestionnaireResponse(toQuestionnaireResponse(c.answers), intakeQuestionnaire), c.today);
      return JSON.stringify(viaFhir) !== JSON.stringify(screenPatient(c.answers, c.today));
    }).map((c) => c.id);
    expect(mismatches).toEqual([]);
  });
});
