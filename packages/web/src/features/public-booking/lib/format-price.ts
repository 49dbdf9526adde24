import { localeFor } from '../../../lib/i18n/language.ts';

/** A price in dirhams, whole, in the reader's language. */
export function formatPrice(amount: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'AED', maximumFractionDigits: 0 }).format(amount);
}
