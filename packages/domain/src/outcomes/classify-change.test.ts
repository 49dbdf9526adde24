import { describe, expect, it } from 'vitest';
import { classifyChange, comparePatientSpecific, isGlobalResponder, meaningfulThreshold } from './classify-change.ts';
import { findInstrument } from './load-instruments.ts';

const instrument = (id: string) => {
  const found = findInstrument(id);
  if (!found) throw new Error(id);
  return found;
};

describe('classifyChange', () => {
  it('calls a change meaningful only at the larger of the MCID and the MDC', () => {
    expect(meaningfulThreshold(instrument('nprs'))).toBe(2);
    // QuickDASH: MCID 15.9 > MDC90 12.85, so a 15-point fall is beyond noise but not yet important.
    expect(meaningfulThreshold(instrument('quickdash'))).toBe(15.9);
    expect(classifyChange(instrument('quickdash'), 50, 35).direction).toBe('no_meaningful_change');
    expect(classifyChange(instrument('quickdash'), 50, 34).direction).toBe('improved');
  });

  it('reads the scale’s direction: pain falls to improve, function rises', () => {
    expect(classifyChange(instrument('nprs'), 7, 5)).toEqual({ change: -2, improvement: 2, threshold: 2, direction: 'improved' });
    expect(classifyChange(instrument('nprs'), 7, 6).direction).toBe('no_meaningful_change');
    expect(classifyChange(instrument('nprs'), 4, 7).direction).toBe('worsened');
    expect(classifyChange(instrument('lefs'), 40, 49).direction).toBe('improved');
    expect(classifyChange(instrument('lefs'), 40, 31).direction).toBe('worsened');
  });

  it('uses the MCID alone where no MDC is published (NDI), and never calls a change meaningful without an MCID (GROC)', () => {
    expect(classifyChange(instrument('ndi'), 40, 25).direction).toBe('improved');
    expect(classifyChange(instrument('ndi'), 40, 26).direction).toBe('no_meaningful_change');
    expect(classifyChange(instrument('groc'), 0, 7).direction).toBe('no_threshold');
  });

  it('is not fooled by floating-point means (2.0000000001 below 2)', () => {
    expect(classifyChange(instrument('psfs'), 3.1, 5.1).direction).toBe('improved');
  });
});

describe('comparePatientSpecific', () => {
  it('compares PSFS over the activities rated both times only', () => {
    const baseline = { stairs: 2, lifting: 4, driving: 6 };
    // "gardening" is new and "driving" was not re-rated: the comparison is over stairs and lifting.
    const followUp = { stairs: 6, lifting: 5, gardening: 1 };
    const result = comparePatientSpecific(instrument('psfs'), baseline, followUp);
    expect(result?.activities).toEqual(['stairs', 'lifting']);
    expect(result?.change).toBeCloseTo(2.5);
    expect(result?.direction).toBe('improved');
    expect(comparePatientSpecific(instrument('psfs'), baseline, { gardening: 9 })).toBeUndefined();
  });
});

describe('isGlobalResponder', () => {
  it('counts “moderately better” (+4) or more', () => {
    expect(isGlobalResponder(instrument('groc'), 4)).toBe(true);
    expect(isGlobalResponder(instrument('groc'), 3)).toBe(false);
    expect(isGlobalResponder(instrument('nprs'), 10)).toBe(false);
  });
});
