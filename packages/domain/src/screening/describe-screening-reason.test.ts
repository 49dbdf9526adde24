import { describe, expect, it } from 'vitest';
import { describeScreeningReason } from './describe-screening-reason.ts';
import { indexQuestionnaire, localizedText } from './intake-questionnaire.ts';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';

describe('describeScreeningReason', () => {
  const twitching = indexQuestionnaire(intakeQuestionnaire).get('nmd-twitching')?.item;

  it('names the question and the answer in English and Arabic, never the code', () => {
    expect(twitching).toBeDefined();
    const text = localizedText(twitching!);
    expect(describeScreeningReason('nmd-twitching: yes', 'en')).toBe(`${text.en} — yes`);
    expect(describeScreeningReason('nmd-twitching: yes', 'ar')).toBe(`${text.ar} — نعم`);
    expect(describeScreeningReason('context: nmd-twitching: not answered', 'en')).toBe(`(context) ${text.en} — not answered`);
    expect(describeScreeningReason('nmd-twitching: yes', 'ar')).not.toContain('nmd-twitching');
  });

  it('says the age in words, and leaves what the questionnaire does not name as written', () => {
    expect(describeScreeningReason('age: 55', 'en')).toBe('Age: 55 years');
    expect(describeScreeningReason('age: 55', 'ar')).toBe('العمر: 55 سنة');
    expect(describeScreeningReason('escalated to emergency: on blood thinners', 'en')).toBe('escalated to emergency: on blood thinners');
    expect(describeScreeningReason('unknown-question: yes', 'en')).toBe('unknown-question: yes');
  });
});
