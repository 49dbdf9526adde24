import { accountsAr } from './accounts-ar.ts';
import { accountsEn } from './accounts-en.ts';

/** The "accounts" i18n namespace (registered in app/i18n.ts). */
export const accountsText = { en: accountsEn, ar: accountsAr };
