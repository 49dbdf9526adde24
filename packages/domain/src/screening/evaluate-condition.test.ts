import { describe, expect, it } from 'vitest';
import { ageOn, evaluateCondition, type ConditionContext } from './evaluate-condition.ts';
import type { IntakeAnswers } from './intake-answers.ts';
import { indexQuestionnaire } from './intake-questionnaire.ts';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';
import { resolveAnswer } from './resolve-answer.ts';
import type { Condition } from './screening-schemas.ts';

const index = indexQuestionnaire(intakeQuestionnaire);
const ctx = (answers: IntakeAnswers): ConditionContext => ({ answers, today: '2026-11-15', index });
const truth = (condition: Condition, answers: IntakeAnswers) => evaluateCondition(condition, ctx(answers)).truth;

describe('evaluateCondition', () => {
  it('is unknown for an unanswered question, and reports it', () => {
    expect(evaluateCondition({ yes: 'rf-fever-recent' }, ctx({}))).toEqual({ truth: 'unknown', facts: [], unknowns: ['rf-fever-recent'] });
  });

  it('follows Kleene logic for all, any and not', () => {
    const a = { 'rf-fever': true, 'rf-weight-loss': false };
    expect(truth({ all: [{ yes: 'rf-weight-loss' }, { yes: 'rf-night-pain' }] }, a)).toBe('false');
    expect(truth({ all: [{ yes: 'rf-fever' }, { yes: 'rf-night-pain' }] }, a)).toBe('unknown');
    expect(truth({ any: [{ yes: 'rf-fever' }, { yes: 'rf-night-pain' }] }, a)).toBe('true');
    expect(truth({ any: [{ yes: 'rf-weight-loss' }, { yes: 'rf-night-pain' }] }, a)).toBe('unknown');
    expect(truth({ not: { yes: 'rf-night-pain' } }, a)).toBe('unknown');
    expect(truth({ not: { yes: 'rf-weight-loss' } }, a)).toBe('true');
  });

  it('counts atLeast with unknowns as possible', () => {
    const of: Condition[] = [{ yes: 'rf-morning-stiffness' }, { yes: 'rf-better-with-exercise' }, { yes: 'rf-wakes-second-half' }];
    expect(truth({ atLeast: 2, of }, { 'rf-morning-stiffness': true, 'rf-better-with-exercise': true })).toBe('true');
    expect(truth({ atLeast: 2, of }, { 'rf-morning-stiffness': true, 'rf-better-with-exercise': false })).toBe('unknown');
    expect(truth({ atLeast: 2, of }, { 'rf-morning-stiffness': true, 'rf-better-with-exercise': false, 'rf-wakes-second-half': false })).toBe('false');
  });

  it('matches choice codes, including repeating answers', () => {
    expect(truth({ answer: 'cond-cancer', in: ['past', 'current'] }, { 'cond-cancer': 'past' })).toBe('true');
    expect(truth({ answer: 'cond-implanted-devices', in: ['insulin_pump'] }, { 'cond-implanted-devices': ['pacemaker_icd', 'insulin_pump'] })).toBe('true');
    expect(truth({ answer: 'pain-now', gte: 7 }, { 'pain-now': 6 })).toBe('false');
  });

  it('computes age from the birth date and the screening day', () => {
    expect(ageOn('1976-11-15', '2026-11-15')).toBe(50);
    expect(ageOn('1976-11-16', '2026-11-15')).toBe(49);
    expect(ageOn('2030-01-01', '2026-11-15')).toBeUndefined();
    expect(ageOn('15/11/1976', '2026-11-15')).toBeUndefined();
    expect(truth({ age: { gte: 50 } }, { 'birth-date': '1976-11-16' })).toBe('false');
    expect(evaluateCondition({ age: { gte: 50 } }, ctx({}))).toMatchObject({ truth: 'unknown', unknowns: ['birth-date'] });
  });

  it('reads the pain map by zone and intensity', () => {
    const answers = {
      'pain-map': JSON.stringify([
        { zone: 'temple', side: 'left', intensity: 3 },
        { zone: 'calf', side: 'right', intensity: 0 },
      ]),
    };
    expect(evaluateCondition({ painIn: { zones: ['temple'] } }, ctx(answers))).toMatchObject({
      truth: 'true',
      facts: ['pain-map: temple (left) 3/10'],
    });
    expect(truth({ painIn: { zones: ['temple'], minIntensity: 4 } }, answers)).toBe('false');
    expect(truth({ painIn: { zones: ['calf'] } }, answers)).toBe('false');
  });
});

describe('resolveAnswer', () => {
  it('treats an item whose enableWhen is false as not asked, even if answered', () => {
    expect(resolveAnswer('cond-pregnant', { sex: 'male', 'cond-pregnant': 'yes' }, index)).toEqual({ kind: 'not_applicable' });
    expect(resolveAnswer('cond-pregnant', { sex: 'female' }, index)).toEqual({ kind: 'unanswered' });
  });

  it('treats an item whose enabling answer is missing as possibly asked', () => {
    expect(resolveAnswer('rf-calf-side', {}, index)).toEqual({ kind: 'unanswered' });
  });

  it('does not ask a retired question, but still reads an answer given before it was retired', () => {
    expect(resolveAnswer('rf-calf-swelling', {}, index)).toEqual({ kind: 'not_applicable' });
    expect(resolveAnswer('rf-calf-swelling', { 'rf-calf-swelling': true }, index)).toEqual({ kind: 'answered', value: true });
    expect(evaluateCondition({ yes: 'rf-fever' }, ctx({}))).toEqual({ truth: 'false', facts: ['rf-fever: not asked'], unknowns: [] });
  });

  it('supports enableBehavior any and != on repeating choices', () => {
    expect(resolveAnswer('rf-trauma-assessed', { 'rf-recent-trauma': 'none', 'rf-neck-trauma': true }, index).kind).toBe('unanswered');
    expect(resolveAnswer('rf-trauma-assessed', { 'rf-recent-trauma': 'none', 'rf-neck-trauma': false }, index).kind).toBe('not_applicable');
    expect(resolveAnswer('implanted-device-zones', { 'cond-implanted-devices': ['none'] }, index).kind).toBe('not_applicable');
    expect(resolveAnswer('implanted-device-zones', { 'cond-implanted-devices': ['pacemaker_icd'] }, index).kind).toBe('unanswered');
  });
});
