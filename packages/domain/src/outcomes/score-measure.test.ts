import { describe, expect, it } from 'vitest';
import { findInstrument } from './load-instruments.ts';
import { scoreMeasure } from './score-measure.ts';

const instrument = (id: string) => {
  const found = findInstrument(id);
  if (!found) throw new Error(id);
  return found;
};
const fill = (id: string, value: number, leaveOut: readonly string[] = []) =>
  Object.fromEntries(
    instrument(id)
      .items.filter((item) => !leaveOut.includes(item.id))
      .map((item) => [item.id, value]),
  );

describe('scoreMeasure', () => {
  it('NPRS: the answer is the score, and no answer is "not measured", never 0', () => {
    expect(scoreMeasure(instrument('nprs'), { pain_24h: 6 })).toMatchObject({ status: 'scored', score: 6, missingHandling: 'complete' });
    expect(scoreMeasure(instrument('nprs'), { pain_24h: null })).toMatchObject({ status: 'not_computable', reason: 'too_many_missing' });
    expect(scoreMeasure(instrument('nprs'), {})).toMatchObject({ status: 'not_computable' });
  });

  it('refuses answers off the scale, fractions and unknown items instead of scoring them', () => {
    expect(scoreMeasure(instrument('nprs'), { pain_24h: 11 })).toEqual({ status: 'invalid', invalid: ['pain_24h'] });
    expect(scoreMeasure(instrument('nprs'), { pain_24h: 2.5 })).toEqual({ status: 'invalid', invalid: ['pain_24h'] });
    expect(scoreMeasure(instrument('nprs'), { pain_24h: 3, mood: 2 })).toEqual({ status: 'invalid', invalid: ['mood'] });
  });

  it('LEFS: the sum of 20 items, and any missing item leaves it unscored (there is no official rule)', () => {
    const answers = { ...fill('lefs', 2), usual_activities: 4, hopping: 0 };
    expect(scoreMeasure(instrument('lefs'), answers)).toMatchObject({ status: 'scored', score: 40 });
    expect(scoreMeasure(instrument('lefs'), fill('lefs', 3, ['hopping']))).toMatchObject({ status: 'not_computable', missing: ['hopping'] });
  });

  it('QuickDASH: ((sum / n) − 1) × 25 with one item missing, not computable with two (Beaton 2005)', () => {
    // 10 items answered, summing 30: ((30 / 10) − 1) × 25 = 50.
    expect(scoreMeasure(instrument('quickdash'), fill('quickdash', 3, ['item_4']))).toMatchObject({
      status: 'scored',
      score: 50,
      answered: 10,
      missing: ['item_4'],
      missingHandling: 'prorated',
    });
    expect(scoreMeasure(instrument('quickdash'), fill('quickdash', 3, ['item_4', 'item_9']))).toMatchObject({
      status: 'not_computable',
      reason: 'too_many_missing',
    });
    // Mixed answers: 1,2,3,4,5,1,2,3,4,5,2 sum 32 over 11 → ((32/11) − 1) × 25 = 47.727…
    const mixed = Object.fromEntries([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 2].map((value, index) => [`item_${index + 1}`, value]));
    const scored = scoreMeasure(instrument('quickdash'), mixed);
    expect(scored.status === 'scored' && scored.score).toBeCloseTo(47.727, 3);
  });

  it('ODI: with one section missing the sum is divided by 45 (Fairbank 2000)', () => {
    const answers = { ...fill('odi', 2, ['sex_life']) }; // nine sections, sum 18
    expect(scoreMeasure(instrument('odi'), answers)).toMatchObject({ status: 'scored', score: 40, missingHandling: 'prorated' });
    expect(scoreMeasure(instrument('odi'), fill('odi', 2, ['sex_life', 'travelling']))).toMatchObject({ status: 'not_computable' });
  });

  it('NDI: prorated over answered sections, at most two missing', () => {
    // Eight sections answered with 3 each: 24 / 40 × 100 = 60.
    expect(scoreMeasure(instrument('ndi'), fill('ndi', 3, ['driving', 'reading']))).toMatchObject({ status: 'scored', score: 60 });
    expect(scoreMeasure(instrument('ndi'), fill('ndi', 3, ['driving', 'reading', 'work']))).toMatchObject({ status: 'not_computable' });
    expect(scoreMeasure(instrument('ndi'), fill('ndi', 5))).toMatchObject({ status: 'scored', score: 100 });
  });

  it('PSFS: the mean of the patient’s own activities, one to five of them', () => {
    expect(scoreMeasure(instrument('psfs'), { 'climbing stairs': 3, 'lifting my son': 4, 'driving to work': 8 })).toMatchObject({ status: 'scored', score: 5 });
    expect(scoreMeasure(instrument('psfs'), {})).toMatchObject({ status: 'not_computable', reason: 'too_few_activities' });
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((a) => [a, 5]));
    expect(scoreMeasure(instrument('psfs'), six)).toMatchObject({ status: 'not_computable', reason: 'too_many_activities' });
    expect(scoreMeasure(instrument('psfs'), { walking: 12 })).toEqual({ status: 'invalid', invalid: ['walking'] });
  });

  it('GROC: −7 to +7, the answer is the score', () => {
    expect(scoreMeasure(instrument('groc'), { change: -3 })).toMatchObject({ status: 'scored', score: -3 });
    expect(scoreMeasure(instrument('groc'), { change: 8 })).toMatchObject({ status: 'invalid' });
  });
});
