import questionnaireJson from '../../../../knowledge-base/intake/intake-questionnaire.json' with { type: 'json' };
import consentJson from '../../../../knowledge-base/intake/consent.json' with { type: 'json' };
import type { IntakeAnswers } from './intake-answers.ts';
import type { ConsentText, Questionnaire, QuestionnaireResponse } from './questionnaire-schemas.ts';
import { responseFromAnswers } from './response-from-answers.ts';

/**
 * The intake questionnaire and consent texts, bundled as data. Both files are validated against
 * their schemas by screening-data.test.ts; the casts are safe because that test fails otherwise.
 */
export const intakeQuestionnaire = questionnaireJson as unknown as Questionnaire;
export const consentTexts = consentJson as unknown as readonly ConsentText[];

/** The response for answers to the bundled intake (seeds and tests; the browser uses the questionnaire it was sent). */
export function intakeResponse(answers: IntakeAnswers, status: QuestionnaireResponse['status'] = 'in-progress'): QuestionnaireResponse {
  return responseFromAnswers(answers, status, intakeQuestionnaire);
}
