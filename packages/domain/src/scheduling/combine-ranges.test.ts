import { describe, expect, it } from 'vitest';
import { mergeRanges, subtractRanges, unionRanges } from './combine-ranges.ts';

describe('combine-ranges', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(
      mergeRanges([
        [600, 660],
        [540, 600],
        [700, 700],
        [650, 720],
        [800, 900],
      ]),
    ).toEqual([
      [540, 720],
      [800, 900],
    ]);
  });

  it('subtracts cuts inside, across and around the ranges', () => {
    expect(
      subtractRanges(
        [
          [540, 780],
          [840, 1020],
        ],
        [
          [660, 690],
          [760, 850],
          [1000, 1100],
        ],
      ),
    ).toEqual([
      [540, 660],
      [690, 760],
      [850, 1000],
    ]);
    expect(subtractRanges([[540, 600]], [[500, 700]])).toEqual([]);
    expect(subtractRanges([[540, 600]], [])).toEqual([[540, 600]]);
  });

  it('unions two lists', () => {
    expect(
      unionRanges(
        [[540, 600]],
        [
          [600, 660],
          [700, 720],
        ],
      ),
    ).toEqual([
      [540, 660],
      [700, 720],
    ]);
  });
});
