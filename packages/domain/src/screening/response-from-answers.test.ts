import { describe, expect, it } from 'vitest';
import { answersFromQuestionnaireResponse } from './intake-answers.ts';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';
import { responseFromAnswers } from './response-from-answers.ts';
import { SCREENING_CASES } from './screening-cases.ts';

describe('responseFromAnswers', () => {
  it('round-trips every screening case through a QuestionnaireResponse', () => {
    for (const c of SCREENING_CASES) {
      expect(answersFromQuestionnaireResponse(responseFromAnswers(c.answers, 'in-progress', intakeQuestionnaire), intakeQuestionnaire), c.id).toEqual(
        c.answers,
      );
    }
  });
});
