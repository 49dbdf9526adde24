import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { clinicalText } from '../clinical.locales.ts';

/**
 * The 'clinical' namespace, registered here if app/i18n.ts has not registered it yet, so the
 * feature works whether or not the app lists it.
 */
function ensureClinicalText(): void {
  if (!i18next.isInitialized) return;
  for (const language of ['en', 'ar'] as const) {
    if (!i18next.hasResourceBundle(language, 'clinical')) i18next.addResourceBundle(language, 'clinical', clinicalText[language], true, false);
  }
}

export function useClinicalTranslation() {
  ensureClinicalText();
  const translation = useTranslation('clinical');
  const language: 'en' | 'ar' = translation.i18n.language === 'ar' ? 'ar' : 'en';
  return { ...translation, language };
}
