import { indexQuestionnaire } from './intake-questionnaire.ts';
import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from './questionnaire-schemas.ts';

/**
 * One answer. Booleans, integers and decimals as themselves; a choice as its option code (an array
 * of codes when the item repeats); a date as YYYY-MM-DD; `pain-map` and body-zones items as the
 * JSON text the body chart produces.
 */
export type IntakeAnswerValue = boolean | number | string | readonly string[];

/** Intake answers keyed by questionnaire linkId. A missing key, '' or [] means "not answered". */
export type IntakeAnswers = Readonly<Partial<Record<string, IntakeAnswerValue>>>;

export function isAnswered(value: IntakeAnswerValue | undefined): value is IntakeAnswerValue {
  if (value === undefined || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

type ResponseAnswer = NonNullable<QuestionnaireResponseItem['answer']>[number];

function valueOf(answer: ResponseAnswer): boolean | number | string | undefined {
  if (answer.valueBoolean !== undefined) return answer.valueBoolean;
  if (answer.valueInteger !== undefined) return answer.valueInteger;
  if (answer.valueDecimal !== undefined) return answer.valueDecimal;
  if (answer.valueCoding?.code !== undefined) return answer.valueCoding.code;
  if (answer.valueDate !== undefined) return answer.valueDate;
  if (answer.valueDateTime !== undefined) return answer.valueDateTime;
  return answer.valueString;
}

/**
 * Flattens a FHIR QuestionnaireResponse into IntakeAnswers. Items nested in groups or under answers
 * are all read; an item that repeats in the questionnaire (or has several answers) becomes an
 * array of strings. The intake has no repeating groups, so a linkId that appears twice keeps the
 * last answer.
 */
export function answersFromQuestionnaireResponse(response: QuestionnaireResponse, questionnaire: Questionnaire): IntakeAnswers {
  const index = indexQuestionnaire(questionnaire);
  const answers: Record<string, IntakeAnswerValue> = {};
  const walk = (items: readonly QuestionnaireResponseItem[]): void => {
    for (const item of items) {
      const values = (item.answer ?? []).map(valueOf).filter((v) => v !== undefined);
      const repeats = index.get(item.linkId)?.item.repeats === true;
      const [first] = values;
      if (repeats || values.length > 1) answers[item.linkId] = values.map(String);
      else if (first !== undefined) answers[item.linkId] = first;
      for (const answer of item.answer ?? []) if (answer.item) walk(answer.item);
      if (item.item) walk(item.item);
    }
  };
  walk(response.item ?? []);
  return answers;
}
