import { describe, expect, it } from 'vitest';
import { formatPrice, intlPrice } from './format-price.ts';

describe('formatPrice', () => {
  const amounts = [0, 5, 99, 350, 999, 1000, 1200, 12_500, 100_000, 1_234_567];

  it.each(['en', 'ar'])('writes whole dirhams as Intl does in %s', (language) => {
    for (const amount of amounts) expect(formatPrice(amount, language)).toBe(intlPrice(amount, language));
  });

  it('writes the English and Arabic forms the pages show', () => {
    expect(formatPrice(1200, 'en')).toBe('AED\u00a01,200');
    expect(formatPrice(350, 'ar')).toBe('\u200f350\u00a0د.إ.\u200f');
  });

  it('leaves amounts no price has to Intl', () => {
    expect(formatPrice(349.6, 'en')).toBe(intlPrice(349.6, 'en'));
    expect(formatPrice(-5, 'ar')).toBe(intlPrice(-5, 'ar'));
  });
});
