import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.ts';

describe('wilsonInterval', () => {
  it('matches published worked values', () => {
    // 8 of 10: 0.490–0.943 (Newcombe 1998, method 3; also computed independently).
    const eight = wilsonInterval(8, 10);
    expect(eight?.low).toBeCloseTo(0.4902, 4);
    expect(eight?.high).toBeCloseTo(0.9433, 4);
    const thirteen = wilsonInterval(13, 40);
    expect(thirteen?.low).toBeCloseTo(0.2008, 4);
    expect(thirteen?.high).toBeCloseTo(0.4798, 4);
  });

  it('stays within 0–100% at the extremes, where p ± 1.96·SE would not', () => {
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilsonInterval(10, 10)?.high).toBeLessThanOrEqual(1);
    expect(wilsonInterval(10, 10)?.low).toBeCloseTo(0.7225, 4);
  });

  it('has no interval without a denominator', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
