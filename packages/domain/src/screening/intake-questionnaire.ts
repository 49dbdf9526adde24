// Works on any questionnaire it is given: the bundled intake itself is in intake-questionnaire-data.ts,
// so the browser, which receives the questionnaire from the API, never downloads it.
import type { Localized } from '../knowledge/knowledge-schemas.ts';
import { RETIRED_EXTENSION, TEXT_AR_EXTENSION } from './questionnaire-extensions.ts';
import type { Questionnaire, QuestionnaireItem } from './questionnaire-schemas.ts';

export interface IndexedItem {
  readonly item: QuestionnaireItem;
  /** Enclosing groups, outermost first; a disabled group disables everything in it. */
  readonly ancestors: readonly QuestionnaireItem[];
}
export type QuestionnaireIndex = ReadonlyMap<string, IndexedItem>;

const indexes = new WeakMap<Questionnaire, QuestionnaireIndex>();

/** Every item by linkId, however deeply nested. */
export function indexQuestionnaire(questionnaire: Questionnaire): QuestionnaireIndex {
  const cached = indexes.get(questionnaire);
  if (cached) return cached;
  const index = new Map<string, IndexedItem>();
  const walk = (items: readonly QuestionnaireItem[], ancestors: readonly QuestionnaireItem[]): void => {
    for (const item of items) {
      index.set(item.linkId, { item, ancestors });
      if (item.item) walk(item.item, [...ancestors, item]);
    }
  };
  walk(questionnaire.item, []);
  indexes.set(questionnaire, index);
  return index;
}

/** The item's text in both languages (Arabic from the text-ar extension; English if it is missing). */
export function localizedText(item: QuestionnaireItem): Localized {
  const ar = item.extension?.find((e) => e.url === TEXT_AR_EXTENSION)?.valueString;
  return { en: item.text, ar: ar ?? item.text };
}

/** The answer-option codes of a choice item. */
export function optionCodes(item: QuestionnaireItem): string[] {
  return (item.answerOption ?? []).map((option) => option.valueCoding.code);
}

/** Retired: no longer asked, but an earlier answer is still read (see RETIRED_EXTENSION). */
export function isRetired(item: QuestionnaireItem): boolean {
  return item.extension?.some((e) => e.url === RETIRED_EXTENSION) ?? false;
}
