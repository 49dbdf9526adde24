import { describe, expect, it } from 'vitest';
import { detectTextLanguage } from './text-language.ts';

describe('detectTextLanguage', () => {
  it('tells Arabic from English by its letters', () => {
    expect(detectTextLanguage('ألم في الكتف الأيمن منذ أسبوعين')).toBe('ar');
    expect(detectTextLanguage('Right shoulder ache for two weeks')).toBe('en');
  });

  it('goes by the most letters when a text mixes scripts', () => {
    expect(detectTextLanguage('ألم في العضلة شبه المنحرفة (upper trapezius)')).toBe('ar');
    expect(detectTextLanguage('Pain 6 → 3 after TrP release, قال إنه أفضل')).toBe('en');
  });

  it('says nothing for digits, symbols or an even mix', () => {
    expect(detectTextLanguage('6 → 3')).toBeUndefined();
    expect(detectTextLanguage('')).toBeUndefined();
    expect(detectTextLanguage('ab أب')).toBeUndefined();
  });
});
