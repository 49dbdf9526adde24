import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, toLanguage } from '../lib/i18n/language.ts';
import { resources } from './i18n-resources.ts';

export type { Language };

/** ?lang=ar opens the site in Arabic; the choice is remembered on this device. */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'ar' || fromUrl === 'en') return fromUrl;
  const saved = window.localStorage.getItem('myomap.lang');
  return saved === 'ar' ? 'ar' : 'en';
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  window.localStorage.setItem('myomap.lang', language);
}

const language = initialLanguage();
void i18n.use(initReactI18next).init({
  lng: language,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  resources,
  defaultNS: 'common',
});
applyDocumentLanguage(language);
i18n.on('languageChanged', (lng) => applyDocumentLanguage(toLanguage(lng)));

export default i18n;
