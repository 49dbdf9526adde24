import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { safetyText } from '../safety.locales.ts';

export type Language = 'en' | 'ar';

/** Registers the 'safety' namespace if app/i18n.ts has not, so the feature works either way. */
function ensureSafetyText(): void {
  if (!i18next.isInitialized) return;
  for (const language of ['en', 'ar'] as const) {
    if (!i18next.hasResourceBundle(language, 'safety')) i18next.addResourceBundle(language, 'safety', safetyText[language], true, false);
  }
}

export function useSafetyTranslation() {
  ensureSafetyText();
  const translation = useTranslation('safety');
  const language: Language = translation.i18n.language === 'ar' ? 'ar' : 'en';
  return { ...translation, language };
}
