import type { IntakeAnswers } from './intake-answers.ts';
import { indexQuestionnaire } from './intake-questionnaire.ts';
import type { Questionnaire } from './questionnaire-schemas.ts';
import { resolveAnswer } from './resolve-answer.ts';

/** Required questions that were asked (their enableWhen holds or is unknown) and are still blank. */
export function listMissingRequired(answers: IntakeAnswers, questionnaire: Questionnaire): string[] {
  const index = indexQuestionnaire(questionnaire);
  const missing: string[] = [];
  for (const [linkId, entry] of index) {
    if (!entry.item.required || entry.item.type === 'group' || entry.item.type === 'display') continue;
    if (resolveAnswer(linkId, answers, index).kind === 'unanswered') missing.push(linkId);
  }
  return missing;
}
