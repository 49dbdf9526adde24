import type { Language } from '../../../lib/i18n/language.ts';

/** Localised text from a { en, ar } pair, or plain text as it is. */
export function pick(text: string | { en: string; ar: string } | undefined | null, language: Language): string {
  if (!text) return '';
  return typeof text === 'string' ? text : text[language] || text.en;
}
