import type { Language } from './language.ts';

// Arabic letters (the Arabic block and its presentation forms), against Latin letters.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN = /[A-Za-z\u00C0-\u024F]/gu;

/**
 * The language staff typed a text in, when it can be told from its letters: mostly Arabic script
 * is Arabic, mostly Latin is English. Digits, codes and punctuation alone say nothing (undefined),
 * and so does a text with as many letters of each.
 */
export function detectTextLanguage(text: string): Language | undefined {
  const arabic = text.match(ARABIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic === 0 && latin === 0) return undefined;
  if (arabic > latin) return 'ar';
  if (latin > arabic) return 'en';
  return undefined;
}
