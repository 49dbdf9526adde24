import { describe, expect, it } from 'vitest';
import { sessionPrecautions } from './session-precautions.ts';

describe('sessionPrecautions', () => {
  it('keeps the screen’s { en, ar } precautions and shows a physician’s text as written in both languages', () => {
    const stored = [{ en: 'Light pressure on the legs', ar: 'ضغط خفيف على الساقين' }, 'No prone lying'];
    expect(sessionPrecautions(stored)).toEqual([
      { en: 'Light pressure on the legs', ar: 'ضغط خفيف على الساقين' },
      { en: 'No prone lying', ar: 'No prone lying' },
    ]);
  });

  it('reads a session started before precautions were stored as an empty list, and skips what is not text', () => {
    expect(sessionPrecautions(null)).toEqual([]);
    expect(sessionPrecautions(['', 3, { en: '' }, { en: 'Only English' }])).toEqual([{ en: 'Only English', ar: 'Only English' }]);
  });
});
