import type { IntakeAnswers, IntakeAnswerValue } from './intake-answers.ts';
import { parsePainMap } from './parse-body-answers.ts';
import type { QuestionnaireIndex } from './intake-questionnaire.ts';
import { allOf, anyOf, negate, resolveAnswer, type Truth } from './resolve-answer.ts';
import type { Condition } from './screening-schemas.ts';

export interface ConditionContext {
  readonly answers: IntakeAnswers;
  /** YYYY-MM-DD: the screening day, for ages. */
  readonly today: string;
  readonly index: QuestionnaireIndex;
}

/**
 * facts: the answers that decided the truth, as "linkId: value" strings (for true, the answers
 * that made it true; for unknown, the known answers that point towards true).
 * unknowns: the unanswered linkIds that left it unknown.
 */
export interface Evaluation {
  truth: Truth;
  facts: string[];
  unknowns: string[];
}

export const BIRTH_DATE = 'birth-date';
export const PAIN_MAP = 'pain-map';

const unique = (items: readonly string[]): string[] => [...new Set(items)];
const collect = (evaluations: readonly Evaluation[], key: 'facts' | 'unknowns'): string[] => unique(evaluations.flatMap((e) => e[key]));

function formatValue(value: IntakeAnswerValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Whole years between a YYYY-MM-DD birth date and today; undefined if either is unreadable or reversed. */
export function ageOn(birthDate: string, today: string): number | undefined {
  const parse = (s: string) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)?.slice(1).map(Number);
  const born = parse(birthDate);
  const now = parse(today);
  if (!born || !now) return undefined;
  const [by = 0, bm = 0, bd = 0] = born;
  const [ty = 0, tm = 0, td = 0] = now;
  // Born 2000-03-01: on 2026-02-28 the patient is 25, on 2026-03-01 26.
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age >= 0 ? age : undefined;
}

function leaf(linkId: string, ctx: ConditionContext, test: (value: IntakeAnswerValue) => boolean): Evaluation {
  const state = resolveAnswer(linkId, ctx.answers, ctx.index);
  if (state.kind === 'unanswered') return { truth: 'unknown', facts: [], unknowns: [linkId] };
  if (state.kind === 'not_applicable') return { truth: 'false', facts: [`${linkId}: not asked`], unknowns: [] };
  return { truth: test(state.value) ? 'true' : 'false', facts: [`${linkId}: ${formatValue(state.value)}`], unknowns: [] };
}

const valuesOf = (value: IntakeAnswerValue): readonly (boolean | number | string)[] =>
  // typeof, not Array.isArray: Array.isArray narrows a readonly array to any[].
  typeof value === 'object' ? value : [value];

function evaluateAge(range: { gte?: number; lt?: number }, ctx: ConditionContext): Evaluation {
  const state = resolveAnswer(BIRTH_DATE, ctx.answers, ctx.index);
  const age = state.kind === 'answered' && typeof state.value === 'string' ? ageOn(state.value, ctx.today) : undefined;
  if (age === undefined) return { truth: 'unknown', facts: [], unknowns: [BIRTH_DATE] };
  const holds = (range.gte === undefined || age >= range.gte) && (range.lt === undefined || age < range.lt);
  return { truth: holds ? 'true' : 'false', facts: [`age: ${age}`], unknowns: [] };
}

function evaluatePainIn(spec: { zones: readonly string[]; minIntensity?: number }, ctx: ConditionContext): Evaluation {
  const state = resolveAnswer(PAIN_MAP, ctx.answers, ctx.index);
  const map = state.kind === 'answered' ? parsePainMap(state.value) : undefined;
  if (map === undefined) return { truth: 'unknown', facts: [], unknowns: [PAIN_MAP] };
  const min = spec.minIntensity ?? 1;
  const hits = map.filter((entry) => spec.zones.includes(entry.zone) && entry.intensity >= min);
  if (hits.length === 0) return { truth: 'false', facts: [`${PAIN_MAP}: no pain in ${spec.zones.join(', ')}`], unknowns: [] };
  const facts = hits.map((e) => `${PAIN_MAP}: ${e.zone}${e.side ? ` (${e.side})` : ''} ${e.intensity}/10`);
  return { truth: 'true', facts, unknowns: [] };
}

function evaluateAtLeast(n: number, children: readonly Evaluation[]): Evaluation {
  const trues = children.filter((e) => e.truth === 'true');
  const unknowns = children.filter((e) => e.truth === 'unknown');
  if (trues.length >= n) return { truth: 'true', facts: collect(trues, 'facts'), unknowns: [] };
  if (trues.length + unknowns.length >= n) {
    return { truth: 'unknown', facts: collect(trues, 'facts'), unknowns: collect(unknowns, 'unknowns') };
  }
  return {
    truth: 'false',
    facts: collect(
      children.filter((e) => e.truth === 'false'),
      'facts',
    ),
    unknowns: [],
  };
}

/** Evaluates a rule condition over the intake answers, three-valued. */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): Evaluation {
  if ('yes' in condition) return leaf(condition.yes, ctx, (v) => v === true);
  if ('equals' in condition) return leaf(condition.answer, ctx, (v) => valuesOf(v).includes(condition.equals));
  if ('in' in condition) return leaf(condition.answer, ctx, (v) => valuesOf(v).some((x) => condition.in.includes(String(x))));
  if ('gte' in condition) return leaf(condition.answer, ctx, (v) => typeof v === 'number' && v >= condition.gte);
  if ('lte' in condition) return leaf(condition.answer, ctx, (v) => typeof v === 'number' && v <= condition.lte);
  if ('age' in condition) return evaluateAge(condition.age, ctx);
  if ('painIn' in condition) return evaluatePainIn(condition.painIn, ctx);
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, ctx);
    return { ...inner, truth: negate(inner.truth) };
  }
  if ('atLeast' in condition)
    return evaluateAtLeast(
      condition.atLeast,
      condition.of.map((c) => evaluateCondition(c, ctx)),
    );
  const isAll = 'all' in condition;
  const children = (isAll ? condition.all : condition.any).map((c) => evaluateCondition(c, ctx));
  const truth = isAll ? allOf(children.map((e) => e.truth)) : anyOf(children.map((e) => e.truth));
  const decisive = children.filter((e) => e.truth === truth);
  if (truth === 'unknown') {
    const leaning = children.filter((e) => e.truth === 'true' || e.truth === 'unknown');
    return { truth, facts: collect(leaning, 'facts'), unknowns: collect(decisive, 'unknowns') };
  }
  return { truth, facts: collect(decisive, 'facts'), unknowns: [] };
}

/** Every linkId a condition reads (age reads birth-date; painIn reads pain-map). */
export function conditionQuestions(condition: Condition): string[] {
  if ('yes' in condition) return [condition.yes];
  if ('answer' in condition) return [condition.answer];
  if ('age' in condition) return [BIRTH_DATE];
  if ('painIn' in condition) return [PAIN_MAP];
  if ('not' in condition) return conditionQuestions(condition.not);
  const children = 'atLeast' in condition ? condition.of : 'all' in condition ? condition.all : condition.any;
  return unique(children.flatMap(conditionQuestions));
}
