import { flowAr } from './locales/flow.ar.ts';
import { flowEn } from './locales/flow.en.ts';
import { homeAr } from './locales/home.ar.ts';
import { homeEn } from './locales/home.en.ts';

/** The `booking` i18next namespace: every string of the public site, English and Arabic. */
export const publicBookingText = {
  en: { home: homeEn, ...flowEn },
  ar: { home: homeAr, ...flowAr },
};
