import type { IntakeAnswers } from './intake-answers.ts';
import { indexQuestionnaire } from './intake-questionnaire.ts';
import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from './questionnaire-schemas.ts';

type Answer = NonNullable<QuestionnaireResponseItem['answer']>[number];

/**
 * The FHIR QuestionnaireResponse for a set of answers, typed by each item's question type:
 * the inverse of answersFromQuestionnaireResponse. Items are flat; linkIds identify them.
 */
export function responseFromAnswers(answers: IntakeAnswers, status: QuestionnaireResponse['status'], questionnaire: Questionnaire): QuestionnaireResponse {
  const index = indexQuestionnaire(questionnaire);
  const item: QuestionnaireResponseItem[] = [];
  for (const [linkId, value] of Object.entries(answers)) {
    const type = index.get(linkId)?.item.type;
    if (value === undefined || !type) continue;
    const values = Array.isArray(value) ? value : [value];
    const answer = values.map((v): Answer => {
      switch (type) {
        case 'boolean':
          return { valueBoolean: v === true };
        case 'integer':
          return { valueInteger: Number(v) };
        case 'decimal':
          return { valueDecimal: Number(v) };
        case 'date':
          return { valueDate: String(v) };
        case 'choice':
        case 'open-choice':
          return { valueCoding: { code: String(v) } };
        default:
          return { valueString: String(v) };
      }
    });
    item.push({ linkId, answer });
  }
  return { resourceType: 'QuestionnaireResponse', questionnaire: questionnaire.url, status, item };
}
