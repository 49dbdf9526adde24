import { indexQuestionnaire, localizedText, type QuestionnaireIndex } from './intake-questionnaire.ts';
import { intakeQuestionnaire } from './intake-questionnaire-data.ts';
import { TEXT_AR_EXTENSION } from './questionnaire-extensions.ts';

/**
 * A screening reason in words. The screen records why a flag was raised as "linkId: value" facts
 * ("nmd-twitching: yes", "age: 55", "context: rf-anticoagulants: yes"); a letter to another clinician
 * and the referral page say them as the question the patient answered and the answer, in English or
 * Arabic. Anything the intake questionnaire does not name is returned as it was written.
 */

type Language = 'en' | 'ar';

const WORDS: Record<Language, { yes: string; no: string; notAnswered: string; notAsked: string; age: string; context: string; years: string }> = {
  en: { yes: 'yes', no: 'no', notAnswered: 'not answered', notAsked: 'not asked', age: 'Age', context: 'context', years: 'years' },
  ar: { yes: 'نعم', no: 'لا', notAnswered: 'لم تتم الإجابة', notAsked: 'لم يُسأل', age: 'العمر', context: 'سياق', years: 'سنة' },
};

function answerInWords(linkId: string, raw: string, language: Language, index: QuestionnaireIndex): string {
  const w = WORDS[language];
  const fixed: Record<string, string> = { yes: w.yes, no: w.no, 'not answered': w.notAnswered, 'not asked': w.notAsked };
  if (fixed[raw] !== undefined) return fixed[raw];
  const options = index.get(linkId)?.item.answerOption;
  if (!options) return raw;
  return raw
    .split(', ')
    .map((code) => {
      const option = options.find((o) => o.valueCoding.code === code)?.valueCoding;
      if (!option) return code;
      return language === 'ar' ? (option.extension?.find((e) => e.url === TEXT_AR_EXTENSION)?.valueString ?? option.display ?? code) : (option.display ?? code);
    })
    .join(language === 'ar' ? '، ' : ', ');
}

export function describeScreeningReason(reason: string, language: Language, index: QuestionnaireIndex = indexQuestionnaire(intakeQuestionnaire)): string {
  const match = /^(context: )?([a-z0-9-]+): (.+)$/.exec(reason);
  if (!match) return reason;
  const [, context, linkId = '', raw = ''] = match;
  const w = WORDS[language];
  const prefix = context ? `(${w.context}) ` : '';
  if (linkId === 'age' && /^\d+$/.test(raw)) return `${prefix}${w.age}: ${raw} ${w.years}`;
  const entry = index.get(linkId);
  if (!entry) return reason;
  return `${prefix}${localizedText(entry.item)[language]} — ${answerInWords(linkId, raw, language, index)}`;
}
