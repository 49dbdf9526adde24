import { isAnswered, type IntakeAnswers, type IntakeAnswerValue } from './intake-answers.ts';
import { isRetired, type QuestionnaireIndex } from './intake-questionnaire.ts';
import type { EnableWhen, QuestionnaireItem } from './questionnaire-schemas.ts';

/** Kleene three-valued logic: 'unknown' is what an unanswered question yields. */
export type Truth = 'true' | 'false' | 'unknown';

export const allOf = (values: readonly Truth[]): Truth => (values.includes('false') ? 'false' : values.includes('unknown') ? 'unknown' : 'true');
export const anyOf = (values: readonly Truth[]): Truth => (values.includes('true') ? 'true' : values.includes('unknown') ? 'unknown' : 'false');
export const negate = (value: Truth): Truth => (value === 'true' ? 'false' : value === 'false' ? 'true' : 'unknown');

/**
 * answered: there is a usable answer. not_applicable: the questionnaire did not ask it (its
 * enableWhen is false), so any stale answer is ignored, as FHIR prescribes. unanswered: it was or
 * may have been asked and has no answer.
 */
export type AnswerState = { kind: 'answered'; value: IntakeAnswerValue } | { kind: 'not_applicable' } | { kind: 'unanswered' };

// enableWhen chains in the intake are at most three deep; a longer one means a cycle in the data.
const MAX_DEPTH = 8;

export function resolveAnswer(linkId: string, answers: IntakeAnswers, index: QuestionnaireIndex, depth = 0): AnswerState {
  const entry = index.get(linkId);
  // A retired question is not asked any more: blank means not asked, an old answer still counts.
  if (entry && isRetired(entry.item) && !isAnswered(answers[linkId])) return { kind: 'not_applicable' };
  const enabled =
    entry === undefined || depth > MAX_DEPTH ? 'true' : allOf([...entry.ancestors, entry.item].map((item) => isItemEnabled(item, answers, index, depth)));
  if (enabled === 'false') return { kind: 'not_applicable' };
  const value = answers[linkId];
  return isAnswered(value) ? { kind: 'answered', value } : { kind: 'unanswered' };
}

function isItemEnabled(item: QuestionnaireItem, answers: IntakeAnswers, index: QuestionnaireIndex, depth: number): Truth {
  if (!item.enableWhen) return 'true';
  const results = item.enableWhen.map((clause) => checkClause(clause, answers, index, depth));
  return item.enableBehavior === 'any' ? anyOf(results) : allOf(results);
}

function expectedValue(clause: EnableWhen): boolean | number | string | undefined {
  return clause.answerBoolean ?? clause.answerInteger ?? clause.answerDecimal ?? clause.answerString ?? clause.answerDate ?? clause.answerCoding?.code;
}

function checkClause(clause: EnableWhen, answers: IntakeAnswers, index: QuestionnaireIndex, depth: number): Truth {
  const source = resolveAnswer(clause.question, answers, index, depth + 1);
  if (source.kind === 'unanswered') return 'unknown';
  if (source.kind === 'not_applicable') {
    // An item that was not asked has no answer: "exists false" and "!=" hold, everything else fails.
    if (clause.operator === 'exists') return clause.answerBoolean === false ? 'true' : 'false';
    return clause.operator === '!=' ? 'true' : 'false';
  }
  if (clause.operator === 'exists') return clause.answerBoolean === false ? 'false' : 'true';
  const expected = expectedValue(clause);
  const values: readonly (boolean | number | string)[] = Array.isArray(source.value) ? source.value : [source.value];
  // A repeating answer enables the item if any of its values satisfies the clause (FHIR R4).
  return values.some((value) => compare(value, clause.operator, expected)) ? 'true' : 'false';
}

function compare(value: boolean | number | string, operator: EnableWhen['operator'], expected: unknown): boolean {
  switch (operator) {
    case '=':
      return value === expected;
    case '!=':
      return value !== expected;
    default: {
      if (typeof value !== typeof expected || typeof value === 'boolean') return false;
      const [a, b] = [value, expected as number | string];
      if (operator === '>') return a > b;
      if (operator === '<') return a < b;
      if (operator === '>=') return a >= b;
      return a <= b;
    }
  }
}
