import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { identityText } from '../identity.locales.ts';

/** Registers the 'identity' namespace if app/i18n.ts has not, so the pages work either way. */
function ensureIdentityText(): void {
  if (!i18next.isInitialized) return;
  for (const language of ['en', 'ar'] as const) {
    if (!i18next.hasResourceBundle(language, 'identity')) i18next.addResourceBundle(language, 'identity', identityText[language], true, false);
  }
}

export function useIdentityTranslation() {
  ensureIdentityText();
  const translation = useTranslation('identity');
  const language: 'en' | 'ar' = translation.i18n.language === 'ar' ? 'ar' : 'en';
  return { ...translation, language };
}
