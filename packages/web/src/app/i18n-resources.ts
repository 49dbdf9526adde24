import type { en as auditEn } from '../features/staff/audit/locales/en.ts';
import type { en as bodyChartEn } from '../components/body-chart/locales/en.ts';
import type { en as clinicalEn } from '../features/clinical/locales/en.ts';
import type { en as intakeEn } from '../features/intake/locales/en.ts';
import type { en as measuresEn } from '../features/patient-measures/locales/en.ts';
import type { en as outcomesEn } from '../features/outcomes/locales/en.ts';
import type { en as referralsEn } from '../features/referrals/locales/en.ts';
import type { en as bookingEn } from '../features/public-booking/locales/en.ts';
import type { en as safetyEn } from '../features/safety/locales/en.ts';
import type { en as staffEn } from '../features/staff/locales/en.ts';
import type { en as treatmentEn } from '../features/treatment/locales/en.ts';
import type { en as educationEn } from '../features/education/locales/en.ts';
import type { en as portalEn } from '../features/portal/locales/en.ts';
import type { en as errorsEn } from '../lib/api/locales/errors.en.ts';
import type { Language } from '../lib/i18n/language.ts';
import { ar as commonAr } from './locales/ar.ts';
import type { en as frameEn } from './staff-frame/locales/en.ts';
import { en as commonEn } from './locales/en.ts';

/*
 * The one place translations are registered: one namespace per feature, plus `common` for the
 * words every page shares, `errors` for the coded API errors (lib/api/locales) and `bodyChart` for the shared chart component. Each feature keeps its
 * text in locales/en.ts and locales/ar.ts.
 */

/**
 * The one namespace bundled with the app, in both languages: the few words every page shares (the
 * clinic-time error, "Loading"). Every other namespace, the public site's included, is a chunk per
 * language that a route loads with its page (lib/lazy-page.ts): an English reader does not download
 * Arabic, an Arabic one does not download English, and a patient's intake link downloads neither the
 * booking site's text nor the staff's.
 */
export const resources = {
  en: { common: commonEn },
  ar: { common: commonAr },
} as const;

/** Every other namespace, per language: loaded the first time a page asks for it (app/i18n.ts). */
export const lazyResources: Record<LazyNamespace, Record<Language, () => Promise<object>>> = {
  booking: {
    en: () => import('../features/public-booking/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/public-booking/locales/ar.ts').then((m) => m.ar),
  },
  errors: {
    en: () => import('../lib/api/locales/errors.en.ts').then((m) => m.en),
    ar: () => import('../lib/api/locales/errors.ar.ts').then((m) => m.ar),
  },
  audit: {
    en: () => import('../features/staff/audit/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/staff/audit/locales/ar.ts').then((m) => m.ar),
  },
  bodyChart: {
    en: () => import('../components/body-chart/locales/en.ts').then((m) => m.en),
    ar: () => import('../components/body-chart/locales/ar.ts').then((m) => m.ar),
  },
  frame: {
    en: () => import('./staff-frame/locales/en.ts').then((m) => m.en),
    ar: () => import('./staff-frame/locales/ar.ts').then((m) => m.ar),
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
  referrals: {
    en: () => import('../features/referrals/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/referrals/locales/ar.ts').then((m) => m.ar),
  },
  education: {
    en: () => import('../features/education/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/education/locales/ar.ts').then((m) => m.ar),
  },
  portal: {
    en: () => import('../features/portal/locales/en.ts').then((m) => m.en),
    ar: () => import('../features/portal/locales/ar.ts').then((m) => m.ar),
  },
};
type LazyNamespace =
  | 'booking'
  | 'errors'
  | 'audit'
  | 'bodyChart'
  | 'clinical'
  | 'frame'
  | 'intake'
  | 'measures'
  | 'outcomes'
  | 'referrals'
  | 'safety'
  | 'staff'
  | 'treatment'
  | 'education'
  | 'portal';

/** The English shape of every namespace, bundled or not: what typed keys are checked against. */
export type AppResources = (typeof resources)['en'] & {
  booking: typeof bookingEn;
  errors: typeof errorsEn;
  audit: typeof auditEn;
  bodyChart: typeof bodyChartEn;
  clinical: typeof clinicalEn;
  frame: typeof frameEn;
  intake: typeof intakeEn;
  measures: typeof measuresEn;
  outcomes: typeof outcomesEn;
  referrals: typeof referralsEn;
  safety: typeof safetyEn;
  staff: typeof staffEn;
  treatment: typeof treatmentEn;
  education: typeof educationEn;
  portal: typeof portalEn;
};

declare module 'i18next' {
  /** Typed keys: `t('typo')` does not compile, in any namespace. */
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: AppResources;
  }
}
