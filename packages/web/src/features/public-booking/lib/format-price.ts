import { localeFor } from '../../../lib/i18n/language.ts';

/**
 * A price in dirhams, whole, in the reader's language: what `Intl.NumberFormat` writes for en-GB
 * and ar-AE ('AED 1,200', '‏1,200 د.إ.‏'), written out here. The first `Intl` call on a page loads
 * the browser's locale data, which took 30–110 ms on this machine's Chromium (four times that on
 * Lighthouse's phone), and /book needs no other `Intl` before its first screen (issue 13).
 * format-price.test.ts holds this to `Intl`'s output; a negative or fractional amount, which no
 * price is, goes to `Intl` itself.
 */
export function formatPrice(amount: number, language: string): string {
  if (!Number.isSafeInteger(amount) || amount < 0) return intlPrice(amount, language);
  const grouped = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // A no-break space between the number and the currency, and right-to-left marks around the Arabic.
  return language === 'ar' ? `\u200f${grouped}\u00a0د.إ.\u200f` : `AED\u00a0${grouped}`;
}

export function intlPrice(amount: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'currency', currency: 'AED', maximumFractionDigits: 0 }).format(amount);
}
