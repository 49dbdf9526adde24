import { describe, expect, it } from 'vitest';
import { splitBidiRuns } from './split-bidi-runs.ts';

describe('splitBidiRuns', () => {
  it('keeps a text with no Arabic letter left to right as a whole', () => {
    expect(splitBidiRuns('2 × 20 s')).toEqual({ dir: 'ltr', runs: [{ text: '2 × 20 s', ltr: false }] });
    expect(splitBidiRuns('2 × 20').dir).toBe('ltr');
  });

  it('isolates the Latin runs of an Arabic text, and leaves Arabic numbers and ranges in Arabic order', () => {
    expect(splitBidiRuns('كرر 2 × 20 s مرتين يوميًا')).toEqual({
      dir: 'rtl',
      runs: [
        { text: 'كرر ', ltr: false },
        { text: '2 × 20 s', ltr: true },
        { text: ' مرتين يوميًا', ltr: false },
      ],
    });
    expect(splitBidiRuns('ثبِّت 20–30 ثانية، 3 مرات')).toEqual({ dir: 'rtl', runs: [{ text: 'ثبِّت 20–30 ثانية، 3 مرات', ltr: false }] });
  });
});
