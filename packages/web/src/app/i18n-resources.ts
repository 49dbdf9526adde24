import { ar as bodyChartAr } from '../components/body-chart/locales/ar.ts';
import { en as bodyChartEn } from '../components/body-chart/locales/en.ts';
import { ar as clinicalAr } from '../features/clinical/locales/ar.ts';
import { en as clinicalEn } from '../features/clinical/locales/en.ts';
import { ar as intakeAr } from '../features/intake/locales/ar.ts';
import { en as intakeEn } from '../features/intake/locales/en.ts';
import { ar as bookingAr } from '../features/public-booking/locales/ar.ts';
import { en as bookingEn } from '../features/public-booking/locales/en.ts';
import { ar as safetyAr } from '../features/safety/locales/ar.ts';
import { en as safetyEn } from '../features/safety/locales/en.ts';
import { ar as staffAr } from '../features/staff/locales/ar.ts';
import { en as staffEn } from '../features/staff/locales/en.ts';
import { ar as treatmentAr } from '../features/treatment/locales/ar.ts';
import { en as treatmentEn } from '../features/treatment/locales/en.ts';
import { ar as commonAr } from './locales/ar.ts';
import { en as commonEn } from './locales/en.ts';

/**
 * Every namespace, in both languages: the one place translations are registered. One namespace
 * per feature (plus `common` for shared words and `bodyChart` for the shared chart component).
 */
export const resources = {
  en: { common: commonEn, bodyChart: bodyChartEn, booking: bookingEn, clinical: clinicalEn, intake: intakeEn, safety: safetyEn, staff: staffEn, treatment: treatmentEn },
  ar: { common: commonAr, bodyChart: bodyChartAr, booking: bookingAr, clinical: clinicalAr, intake: intakeAr, safety: safetyAr, staff: staffAr, treatment: treatmentAr },
} as const;

declare module 'i18next' {
  /** Typed keys: `t('typo')` does not compile, in any namespace. */
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
  }
}
