import { useTranslation } from 'react-i18next';

/** The two languages of the app. */
export type Language = 'en' | 'ar';

export function toLanguage(code: string | undefined): Language {
  return code === 'ar' ? 'ar' : 'en';
}

/** The reader's language; re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.language);
}
