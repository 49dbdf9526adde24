import type { en as auditEn } from '../features/staff/audit/locales/en.ts';
import type { en as bodyChartEn } from '../components/body-chart/locales/en.ts';
import type { en as clinicalEn } from '../features/clinical/locales/en.ts';
import type { en as intakeEn } from '../features/intake/locales/en.ts';
import type { en as measuresEn } from '../features/patient-measures/locales/en.ts';
import type { en as outcomesEn } from '../features/outcomes/locales/en.ts';
import { ar as bookingAr } from '../features/public-booking/locales/ar.ts';
import { en as bookingEn } from '../features/public-booking/locales/en.ts';
import type { en as safetyEn } from '../features/safety/locales/en.ts';
import type { en as staffEn } from '../features/staff/locales/en.ts';
import type { en as treatmentEn } from '../features/treatment/locales/en.ts';
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
    booking: bookingEn,
  },
  ar: {
    common: commonAr,
    errors: errorsAr,
    frame: frameAr,
    booking: bookingAr,
  },
} as const;

/**
 * Namespaces of the features whose pages are loaded on demand (every staff feature, intake, patient measures, outcomes): their text comes
 * with them, in its own chunk, the first time a page asks for the namespace (app/i18n.ts).
 */
export const lazyResources: Record<LazyNamespace, Record<Language, () => Promise<object>>> = {
  audit: {
    en: () => import('../features/staff/audit/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/staff/audit/locales/ar.ts').then((m) => m.ar),
  },
  bodyChart: {
    en: () => import('../components/body-chart/locales/en.ts').then((m) => m.en),
    ar: () => import('../components/body-chart/locales/ar.ts').then((m) => m.ar),
  },
  clinical: {
    en: () => import('../features/clinical/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/clinical/locales/ar.ts').then((m) => m.ar),
  },
  staff: { en: () => import('../features/staff/locales/en.ts').then((m) => m.en), ar: () => import('../features/staff/locales/ar.ts').then((m) => m.ar) },
  treatment: {
    en: () => import('../features/treatment/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/treatment/locales/ar.ts').then((m) => m.ar),
  },
  intake: { en: () => import('../features/intake/locales/en.ts').then((m) => m.en), ar: () => import('../features/intake/locales/ar.ts').then((m) => m.ar) },
  safety: { en: () => import('../features/safety/locales/en.ts').then((m) => m.en), ar: () => import('../features/safety/locales/ar.ts').then((m) => m.ar) },
  measures: {
    en: () => import('../features/patient-measures/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/patient-measures/locales/ar.ts').then((m) => m.ar),
  },
  outcomes: {
    en: () => import('../features/outcomes/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/outcomes/locales/ar.ts').then((m) => m.ar),
  },
};
type LazyNamespace = 'audit' | 'bodyChart' | 'clinical' | 'intake' | 'measures' | 'outcomes' | 'safety' | 'staff' | 'treatment';

/** The English shape of every namespace, bundled or not: what typed keys are checked against. */
export type AppResources = (typeof resources)['en'] & {
  audit: typeof auditEn;
  bodyChart: typeof bodyChartEn;
  clinical: typeof clinicalEn;
  intake: typeof intakeEn;
  measures: typeof measuresEn;
  outcomes: typeof outcomesEn;
  safety: typeof safetyEn;
  staff: typeof staffEn;
  treatment: typeof treatmentEn;
};

declare module 'i18next' {
  /** Typed keys: `t('typo')` does not compile, in any namespace. */
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: AppResources;
  }
}
