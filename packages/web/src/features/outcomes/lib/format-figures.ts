import { localeFor } from '../../../lib/clinic-time/clinic-time.ts';

/**
 * Numbers in the reader's language, with the app's one locale choice (lib/clinic-time localeFor:
 * en-GB and ar-AE, whose digits are the Western ones the rest of the app shows).
 */
export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits }).format(value);
}

/** A proportion 0–1 as a whole percentage: 0.125 → "13%" (a rate from a few dozen patients has no meaningful decimals). */
export function formatPercent(rate: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
