import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { treatmentText } from '../treatment.locales.ts';

/**
 * The 'treatment' namespace, registered here if app/i18n.ts has not registered it, so the
 * feature works whether or not the app lists it.
 */
function ensureTreatmentText(): void {
  if (!i18next.isInitialized) return;
  for (const language of ['en', 'ar'] as const) {
    if (!i18next.hasResourceBundle(language, 'treatment')) i18next.addResourceBundle(language, 'treatment', treatmentText[language], true, false);
  }
}

export type Language = 'en' | 'ar';

export function useTreatmentTranslation() {
  ensureTreatmentText();
  const translation = useTranslation('treatment');
  const language: Language = translation.i18n.language === 'ar' ? 'ar' : 'en';
  return { ...translation, language };
}
