import { describe, expect, it } from 'vitest';
import { computePostureAngles } from './compute-posture-angles.ts';

// All coordinates are image pixels with y growing downward.
describe('computePostureAngles, side view', () => {
  it('measures the craniovertebral angle from the horizontal through C7 to the tragus', () => {
    // Tragus 100 px up and 100 px forward of C7: 45°, a markedly forward head.
    expect(computePostureAngles('side', { c7: { x: 200, y: 300 }, tragus: { x: 300, y: 200 } })).toEqual({ craniovertebralAngle: 45 });
    // Up 100·tan(60°) over 100 forward: 60°, whichever way the patient faces.
    const up = 100 * Math.tan(Math.PI / 3);
    expect(computePostureAngles('side', { c7: { x: 200, y: 300 }, tragus: { x: 100, y: 300 - up } }).craniovertebralAngle).toBe(60);
  });

  it('uses the pelvis to tell which way the patient faces, so a head behind C7 reads above 90°', () => {
    // Facing right (ASIS to the right of PSIS); tragus 10 px behind C7 and 100 px above.
    const angles = computePostureAngles('side', {
      c7: { x: 200, y: 300 },
      tragus: { x: 190, y: 200 },
      asis: { x: 260, y: 600 },
      psis: { x: 160, y: 600 },
    });
    expect(angles.craniovertebralAngle).toBe(95.7); // 180 − atan(100/10)
    expect(angles.pelvicTilt).toBe(0);
  });

  it('reports anterior pelvic tilt as positive and posterior as negative', () => {
    // Facing left; ASIS 100 px forward of PSIS and 100·tan(10°) px lower.
    const drop = 100 * Math.tan((10 * Math.PI) / 180);
    expect(computePostureAngles('side', { asis: { x: 100, y: 500 + drop }, psis: { x: 200, y: 500 } }).pelvicTilt).toBe(10);
    expect(computePostureAngles('side', { asis: { x: 300, y: 470 }, psis: { x: 200, y: 500 } }).pelvicTilt).toBe(-16.7); // atan(30/100)
  });

  it('measures plumb-line offsets from the lateral malleolus, anterior positive', () => {
    const angles = computePostureAngles('side', {
      asis: { x: 330, y: 500 },
      psis: { x: 230, y: 500 }, // facing right
      lateral_malleolus: { x: 300, y: 1000 },
      knee: { x: 300, y: 750 }, // on the line
      greater_trochanter: { x: 250, y: 500 }, // 50 back over 500 up
      acromion: { x: 380, y: 200 }, // 80 forward over 800 up
      tragus: { x: 400, y: 100 },
    });
    expect(angles).toMatchObject({ kneeFromPlumb: 0, hipFromPlumb: -5.7, shoulderFromPlumb: 5.7, headFromPlumb: 6.3 });
  });

  it('returns only the angles its landmarks allow', () => {
    expect(computePostureAngles('side', {})).toEqual({});
    expect(computePostureAngles('side', { c7: { x: 1, y: 1 } })).toEqual({});
    // Malleolus and knee but no way to tell front from back: no plumb-line angle.
    expect(computePostureAngles('side', { lateral_malleolus: { x: 1, y: 100 }, knee: { x: 5, y: 50 } })).toEqual({});
    // Front-view landmarks mean nothing on a side photo.
    expect(computePostureAngles('side', { right_acromion: { x: 1, y: 1 }, left_acromion: { x: 9, y: 5 } })).toEqual({});
  });
});

describe('computePostureAngles, front view', () => {
  it('reports shoulder and pelvic levels, positive when the patient’s right side is higher', () => {
    // Patient faces the camera: their right is on the image's left.
    const angles = computePostureAngles('front', {
      right_acromion: { x: 100, y: 200 },
      left_acromion: { x: 300, y: 220 }, // left 20 px lower over 200: right higher by atan(0.1)
      right_asis: { x: 150, y: 600 },
      left_asis: { x: 250, y: 500 }, // left 100 px higher over 100
    });
    expect(angles).toEqual({ shoulderLevel: 5.7, pelvicObliquity: -45 });
  });

  it('measures knee valgus as positive and varus as negative', () => {
    const angles = computePostureAngles('front', {
      right_asis: { x: 100, y: 100 },
      left_asis: { x: 300, y: 100 },
      right_knee: { x: 110, y: 300 }, // 10 px towards the midline: valgus
      right_ankle: { x: 100, y: 500 },
      left_knee: { x: 320, y: 300 }, // 20 px away from the midline: varus
      left_ankle: { x: 300, y: 500 },
    });
    // 2·atan(10/200) and 2·atan(20/200)
    expect(angles).toEqual({ pelvicObliquity: 0, rightKneeFrontalAngle: 5.7, leftKneeFrontalAngle: -11.4 });
  });

  it('finds the midline from any pair, and assumes the patient faces the camera without one', () => {
    const valgusRight = { right_asis: { x: 100, y: 100 }, right_knee: { x: 110, y: 300 }, right_ankle: { x: 100, y: 500 } };
    expect(computePostureAngles('front', valgusRight)).toEqual({ rightKneeFrontalAngle: 5.7 });
    // A photo taken from behind: the right leg is on the image's right, so the same shape is varus.
    expect(computePostureAngles('front', { ...valgusRight, left_ankle: { x: 0, y: 500 } })).toEqual({ rightKneeFrontalAngle: -5.7 });
    expect(computePostureAngles('front', { right_knee: { x: 1, y: 1 }, right_ankle: { x: 1, y: 9 } })).toEqual({});
  });
});
