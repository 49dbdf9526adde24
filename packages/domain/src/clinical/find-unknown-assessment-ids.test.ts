import { describe, expect, it } from 'vitest';
import { emptyAssessmentData } from './assessment-schemas.ts';
import { findUnknownAssessmentIds, isImageOfType } from './find-unknown-assessment-ids.ts';

const known = { zoneIds: new Set(['neck_posterior', 'shoulder_top']), muscleIds: new Set(['upper_trapezius']) };

describe('findUnknownAssessmentIds', () => {
  it('finds nothing in an assessment that uses the vocabulary', () => {
    const data = {
      ...emptyAssessmentData(),
      painMap: [{ zone: 'neck_posterior', side: 'left' as const, intensity: 6 }],
      triggerPoints: [{ muscleId: 'upper_trapezius', activity: 'active' as const, reproducesFamiliarPain: true }],
    };
    expect(findUnknownAssessmentIds(data, known)).toEqual({ zones: [], muscles: [] });
  });

  it('lists each unknown zone and muscle once, wherever it appears', () => {
    const data = {
      ...emptyAssessmentData(),
      painMap: [{ zone: 'elbow_tip', intensity: 3 }],
      tenderAreas: [{ zone: 'elbow_tip', ischemic: false }],
      problems: [{ id: 'p1', title: 'Neck', zones: [{ zone: 'jaw' }, { zone: 'shoulder_top' }], priority: 1, source: 'therapist' as const }],
      tautBands: [{ muscleId: 'biceps_brachii' }],
      triggerPoints: [{ muscleId: 'biceps_brachii', activity: 'latent' as const, reproducesFamiliarPain: false }],
    };
    expect(findUnknownAssessmentIds(data, known)).toEqual({ zones: ['elbow_tip', 'jaw'], muscles: ['biceps_brachii'] });
  });
});

describe('isImageOfType', () => {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]);
  it('checks the magic bytes against the claimed type', () => {
    expect(isImageOfType(jpeg, 'image/jpeg')).toBe(true);
    expect(isImageOfType(png, 'image/png')).toBe(true);
    expect(isImageOfType(png, 'image/jpeg')).toBe(false);
    expect(isImageOfType(new Uint8Array([0x3c, 0x73, 0x76, 0x67]), 'image/png')).toBe(false);
  });
});
