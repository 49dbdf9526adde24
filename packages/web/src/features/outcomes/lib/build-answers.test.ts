import { describe, expect, it } from 'vitest';
import type { InstrumentOut } from '../api/outcomes-api.ts';
import { activitiesToRerate, buildAnswers, scaleValues } from './build-answers.ts';

const lefsLike = { id: 'lefs', items: [{ id: 'stairs' }, { id: 'hopping' }, { id: 'walking' }] } as unknown as InstrumentOut;
const psfs = { id: 'psfs', items: [], patientSpecific: { minItems: 1, maxItems: 5, min: 0, max: 10 } } as unknown as InstrumentOut;

describe('buildAnswers', () => {
  it('sends every item, a skipped one as null and never as 0', () => {
    expect(buildAnswers(lefsLike, { stairs: 0, walking: 3 }, [])).toEqual({ stairs: 0, hopping: null, walking: 3 });
  });

  it('keys a patient-specific scale by the named activities and drops unnamed rows', () => {
    const answers = buildAnswers(psfs, {}, [
      { activity: '  Reversing   the car ', rating: 3 },
      { activity: '', rating: 5 },
      { activity: 'Lifting a child', rating: null },
    ]);
    expect(answers).toEqual({ 'Reversing the car': 3, 'Lifting a child': null });
  });
});

describe('activitiesToRerate', () => {
  it('starts a follow-up from the baseline’s activities, unrated', () => {
    expect(activitiesToRerate({ 'Reversing the car': 3, 'Lifting a child': 2 }, 5)).toEqual([
      { activity: 'Reversing the car', rating: null },
      { activity: 'Lifting a child', rating: null },
      { activity: '', rating: null },
    ]);
  });

  it('offers three empty rows at baseline', () => {
    expect(activitiesToRerate(undefined, 5)).toHaveLength(3);
  });
});

describe('scaleValues', () => {
  it('lists a scale that starts below zero (global rating of change)', () => {
    expect(scaleValues(-2, 2)).toEqual([-2, -1, 0, 1, 2]);
  });
});
