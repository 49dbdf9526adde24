import { useTranslation } from 'react-i18next';

/** The two languages of the app. */
export type Language = 'en' | 'ar';

/** en-GB (day before month, 24-hour clock) and the UAE's Arabic. */
export function localeFor(language: string): string {
  return language === 'ar' ? 'ar-AE' : 'en-GB';
}

export function toLanguage(code: string | undefined): Language {
  return code === 'ar' ? 'ar' : 'en';
}

/** The reader's language; re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.language);
}
