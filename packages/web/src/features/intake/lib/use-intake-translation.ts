import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { intakeText } from '../intake.locales.ts';

export type Language = 'en' | 'ar';

/** Registers the 'intake' namespace if app/i18n.ts has not, so the feature works either way. */
function ensureIntakeText(): void {
  if (!i18next.isInitialized) return;
  for (const language of ['en', 'ar'] as const) {
    if (!i18next.hasResourceBundle(language, 'intake')) i18next.addResourceBundle(language, 'intake', intakeText[language], true, false);
  }
}

export function useIntakeTranslation() {
  ensureIntakeText();
  const translation = useTranslation('intake');
  const language: Language = translation.i18n.language === 'ar' ? 'ar' : 'en';
  return { ...translation, language };
}
