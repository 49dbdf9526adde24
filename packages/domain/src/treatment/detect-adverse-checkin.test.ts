import { describe, expect, it } from 'vitest';
import { isAdverseCheckin } from './detect-adverse-checkin.ts';

describe('isAdverseCheckin', () => {
  it('treats usual soreness with no unexpected sign as expected', () => {
    expect(isAdverseCheckin({ soreness: 0, unexpected: [] })).toBe(false);
    expect(isAdverseCheckin({ soreness: 7, unexpected: [] })).toBe(false);
  });

  it('flags soreness of 8 or more, and any unexpected sign', () => {
    expect(isAdverseCheckin({ soreness: 8, unexpected: [] })).toBe(true);
    expect(isAdverseCheckin({ soreness: 2, unexpected: ['calf_swelling'] })).toBe(true);
  });
});
