import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { publicBookingText } from '../features/public-booking/public-booking.locales.ts';
import { accountsText } from '../features/staff/accounts/accounts.locales.ts';
import { staffText } from '../features/staff/staff.locales.ts';
import { commonText } from './common.locales.ts';

export type Language = 'en' | 'ar';

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
  resources: {
    en: { common: commonText.en, booking: publicBookingText.en, staff: staffText.en, accounts: accountsText.en },
    ar: { common: commonText.ar, booking: publicBookingText.ar, staff: staffText.ar, accounts: accountsText.ar },
  },
  defaultNS: 'common',
});
applyDocumentLanguage(language);
i18n.on('languageChanged', (lng) => applyDocumentLanguage(lng === 'ar' ? 'ar' : 'en'));

export default i18n;
