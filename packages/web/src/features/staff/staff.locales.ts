import { staffAr } from './locales/staff-ar.ts';
import { staffEn } from './locales/staff-en.ts';

/** The "staff" i18n namespace (registered in app/i18n.ts). */
export const staffText = { en: staffEn, ar: staffAr };
