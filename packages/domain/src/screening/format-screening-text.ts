import type { Localized } from '../knowledge/knowledge-schemas.ts';
import { localizedText, type QuestionnaireIndex } from './intake-questionnaire.ts';

/** Fills {placeholders} in a bilingual template with bilingual values. */
export function fillTemplate(template: Localized, values: Readonly<Record<string, Localized>>): Localized {
  const fill = (text: string, lang: 'en' | 'ar') => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key]?.[lang] ?? whole);
  return { en: fill(template.en, 'en'), ar: fill(template.ar, 'ar') };
}

/** Joins bilingual phrases with each language's own separator. */
export function joinLocalized(parts: readonly Localized[]): Localized {
  return { en: parts.map((p) => p.en).join('; '), ar: parts.map((p) => p.ar).join('؛ ') };
}

export function concatLocalized(first: Localized, second: Localized): Localized {
  return { en: `${first.en} ${second.en}`, ar: `${first.ar} ${second.ar}` };
}

/** The questions' own wording, quoted, so the therapist can ask them as written. */
export function listQuestions(linkIds: readonly string[], index: QuestionnaireIndex): Localized {
  return joinLocalized(
    linkIds.map((linkId) => {
      const entry = index.get(linkId);
      const text = entry ? localizedText(entry.item) : { en: linkId, ar: linkId };
      return { en: `"${text.en}"`, ar: `«${text.ar}»` };
    }),
  );
}

/** Bilingual items without repeats, compared by their English text. */
export function uniqueLocalized(items: readonly Localized[]): Localized[] {
  const seen = new Map<string, Localized>();
  for (const item of items) if (!seen.has(item.en)) seen.set(item.en, item);
  return [...seen.values()];
}
