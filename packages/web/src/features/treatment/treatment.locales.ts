import { treatmentAr } from './locales/treatment-ar.ts';
import { treatmentEn } from './locales/treatment-en.ts';

/** Strings for the treatment pages (namespace 'treatment'), registered by useTreatmentTranslation. */
export const treatmentText = { en: treatmentEn, ar: treatmentAr };
