import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../lib/i18n/language.ts';
import type { Names } from '../api/public-api.ts';

export type { Language };

/** The current language and a picker for the server's { en, ar } names. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'ar' ? 'ar' : 'en';
  const pick = useCallback((names: Names) => (language === 'ar' ? names.ar || names.en : names.en), [language]);
  return { language, pick };
}
