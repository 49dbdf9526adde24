import { ar as bodyChartAr } from '../components/body-chart/locales/ar.ts';
import { en as bodyChartEn } from '../components/body-chart/locales/en.ts';
import { ar as clinicalAr } from '../features/clinical/locales/ar.ts';
import { en as clinicalEn } from '../features/clinical/locales/en.ts';
import type { en as intakeEn } from '../features/intake/locales/en.ts';
import type { en as outcomesEn } from '../features/outcomes/locales/en.ts';
import { ar as bookingAr } from '../features/public-booking/locales/ar.ts';
import { en as bookingEn } from '../features/public-booking/locales/en.ts';
import type { en as safetyEn } from '../features/safety/locales/en.ts';
import { ar as staffAr } from '../features/staff/locales/ar.ts';
import { en as staffEn } from '../features/staff/locales/en.ts';
import { ar as treatmentAr } from '../features/treatment/locales/ar.ts';
import { en as treatmentEn } from '../features/treatment/locales/en.ts';
import { ar as errorsAr } from '../lib/api/locales/errors.ar.ts';
import { en as errorsEn } from '../lib/api/locales/errors.en.ts';
import type { Language } from '../lib/i18n/language.ts';
import { ar as commonAr } from './locales/ar.ts';
import { ar as frameAr } from './staff-frame/locales/ar.ts';
import { en as frameEn } from './staff-frame/locales/en.ts';
import { en as commonEn } from './locales/en.ts';

/*
 * The one place translations are registered: one namespace per feature, plus `common` for the
 * words every page shares, `errors` for the coded API errors (lib/api/locales) and `bodyChart` for the shared chart component. Each feature keeps its
 * text in locales/en.ts and locales/ar.ts.
 */

/** Namespaces bundled with the app. */
export const resources = {
  en: {
    common: commonEn,
    errors: errorsEn,
    frame: frameEn,
    bodyChart: bodyChartEn,
    booking: bookingEn,
    clinical: clinicalEn,
    staff: staffEn,
    treatment: treatmentEn,
  },
  ar: {
    common: commonAr,
    errors: errorsAr,
    frame: frameAr,
    bodyChart: bodyChartAr,
    booking: bookingAr,
    clinical: clinicalAr,
    staff: staffAr,
    treatment: treatmentAr,
  },
} as const;

/**
 * Namespaces of the features whose pages are loaded on demand (intake, safety, outcomes): their text comes
 * with them, in its own chunk, the first time a page asks for the namespace (app/i18n.ts).
 */
export const lazyResources: Record<LazyNamespace, Record<Language, () => Promise<object>>> = {
  intake: { en: () => import('../features/intake/locales/en.ts').then((m) => m.en), ar: () => import('../features/intake/locales/ar.ts').then((m) => m.ar) },
  safety: { en: () => import('../features/safety/locales/en.ts').then((m) => m.en), ar: () => import('../features/safety/locales/ar.ts').then((m) => m.ar) },
  outcomes: {
    en: () => import('../features/outcomes/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/outcomes/locales/ar.ts').then((m) => m.ar),
  },
};
type LazyNamespace = 'intake' | 'safety' | 'outcomes';

/** The English shape of every namespace, bundled or not: what typed keys are checked against. */
export type AppResources = (typeof resources)['en'] & { intake: typeof intakeEn; safety: typeof safetyEn; outcomes: typeof outcomesEn };

declare module 'i18next' {
  /** Typed keys: `t('typo')` does not compile, in any namespace. */
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: AppResources;
  }
}
