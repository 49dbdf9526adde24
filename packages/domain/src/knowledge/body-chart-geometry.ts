/**
 * The drawing behind the body charts: the staff pain chart in the web app and the referral map the
 * server draws into the trigger-point article (pure data, so it lives here for both). One stylised
 * figure, seen from the front and from the back, in a 220 × 540 box with the midline at x = 110.
 * Every shape is drawn on the VIEWER'S LEFT and mirrored for the other side:
 *   front view: the viewer's left is the patient's RIGHT (the patient faces us);
 *   back view:  the viewer's left is the patient's LEFT.
 * Midline zones are drawn once, centred. Lateral and medial zones sit on the outer and inner
 * edges of the front view; the soles are drawn under the back view.
 */

export const CHART_WIDTH = 220;
export const CHART_HEIGHT = 540;
export const MIDLINE_X = CHART_WIDTH / 2;

export type ChartView = 'front' | 'back';

export type Shape = { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number; rotate?: number } | { kind: 'path'; d: string };

export interface ZoneDrawing {
  view: ChartView;
  /** Drawn once on the midline rather than once per side. */
  centred?: boolean;
  shape: Shape;
}

const e = (cx: number, cy: number, rx: number, ry: number, rotate?: number): Shape => ({ kind: 'ellipse', cx, cy, rx, ry, ...(rotate ? { rotate } : {}) });

export const ZONE_DRAWINGS: Record<string, ZoneDrawing> = {
  // Head and face, front
  vertex: { view: 'front', centred: true, shape: e(110, 18, 15, 5.5) },
  forehead: { view: 'front', centred: true, shape: e(110, 31, 17, 7) },
  temple: { view: 'front', shape: e(89.5, 36, 4.5, 8) },
  eyebrow_orbit: { view: 'front', shape: e(100, 44, 7, 4.5) },
  ear: { view: 'front', shape: e(83, 47, 4, 8.5) },
  cheek_maxilla: { view: 'front', shape: e(99, 55.5, 6.5, 4.5) },
  jaw_tmj: { view: 'front', shape: e(91, 61, 4, 7, 15) },
  teeth: { view: 'front', shape: e(104.5, 64, 5, 2.8) },
  // Neck, front
  lateral_neck: { view: 'front', shape: e(99, 83, 4, 10) },
  anterior_neck: { view: 'front', shape: e(106.5, 83, 4, 10) },
  // Shoulder, chest and arm, front
  anterior_shoulder: { view: 'front', shape: e(67, 112, 8, 10) },
  lateral_shoulder: { view: 'front', shape: e(51.5, 114, 5, 12) },
  chest: { view: 'front', shape: e(88, 124, 14, 13) },
  sternum: { view: 'front', centred: true, shape: e(110, 126, 5, 24) },
  anterior_upper_arm: { view: 'front', shape: e(53, 152, 6.5, 20, 6) },
  lateral_elbow: { view: 'front', shape: e(43.5, 190, 3.8, 7) },
  medial_elbow: { view: 'front', shape: e(56.5, 190, 3.8, 7) },
  volar_forearm: { view: 'front', shape: e(47, 226, 6, 25, 6) },
  palmar_wrist_hand: { view: 'front', shape: e(43, 280, 7, 13, 6) },
  thumb_base: { view: 'front', shape: e(33.5, 281, 3.2, 8.5, 14) },
  fingers: { view: 'front', shape: e(42, 309, 6.5, 9, 6) },
  // Trunk, front
  upper_abdomen: { view: 'front', shape: e(96, 172, 12, 17) },
  lower_abdomen: { view: 'front', shape: e(96, 212, 12, 17) },
  groin: { view: 'front', shape: e(93, 247, 11, 5.5, 35) },
  // Hip and leg, front
  lateral_hip: { view: 'front', shape: e(67.5, 243, 4.5, 12) },
  anterior_thigh: { view: 'front', shape: e(87, 292, 10, 27) },
  lateral_thigh: { view: 'front', shape: e(72.5, 296, 3.8, 24, -4) },
  medial_thigh: { view: 'front', shape: e(101.5, 296, 3.8, 24, 4) },
  anterior_knee: { view: 'front', shape: e(87, 347, 9, 10) },
  lateral_knee: { view: 'front', shape: e(74.5, 348, 3.5, 9) },
  medial_knee: { view: 'front', shape: e(99.5, 348, 3.5, 9) },
  anterior_shin: { view: 'front', shape: e(91, 396, 6, 27, -4) },
  lateral_leg: { view: 'front', shape: e(80.5, 396, 3.6, 25, -6) },
  lateral_ankle: { view: 'front', shape: e(84, 439, 3.6, 4.2) },
  medial_ankle: { view: 'front', shape: e(100, 439, 3.6, 4.2) },
  dorsal_foot: { view: 'front', shape: e(92, 452, 8, 6) },
  toes: { view: 'front', shape: e(92, 465, 8.5, 3.8) },

  // Head and neck, back
  occiput: { view: 'back', shape: e(100.5, 57, 8.5, 7, -8) },
  posterior_neck: { view: 'back', shape: e(103.5, 82, 6, 10) },
  // Shoulder girdle and back
  upper_trapezius_ridge: { view: 'back', shape: e(80, 96, 17, 5, -19) },
  posterior_shoulder: { view: 'back', shape: e(62, 115, 8, 11) },
  scapula_body: { view: 'back', shape: e(83, 130, 10.5, 15) },
  scapula_medial_border: { view: 'back', shape: e(99.5, 130, 3.8, 16) },
  upper_thoracic_spine: { view: 'back', centred: true, shape: e(110, 120, 4.2, 24) },
  mid_back: { view: 'back', shape: e(97, 170, 10, 14) },
  low_back: { view: 'back', shape: e(98, 203, 10.5, 13) },
  sacrum_si_joint: { view: 'back', shape: e(104, 230, 5, 10) },
  coccyx: { view: 'back', centred: true, shape: e(110, 251, 3.6, 5.5) },
  buttock: { view: 'back', shape: e(87.5, 251, 13, 15) },
  // Arm, back
  posterior_upper_arm: { view: 'back', shape: e(53, 152, 6.5, 20, 6) },
  dorsal_forearm: { view: 'back', shape: e(47, 226, 6, 25, 6) },
  dorsal_wrist_hand: { view: 'back', shape: e(42, 284, 7, 14, 6) },
  // Leg, back
  posterior_thigh: { view: 'back', shape: e(87, 300, 10.5, 27) },
  posterior_knee: { view: 'back', shape: e(87, 347, 8.5, 8.5) },
  calf: { view: 'back', shape: e(89, 388, 9.5, 24, -3) },
  heel: { view: 'back', shape: e(92, 451, 6.5, 7) },
  // Vocabulary v2 (knowledge-base/vocabulary/zones-v2.json): finer zones inside version-1 ones.
  mastoid: { view: 'back', shape: e(88, 57.5, 3.2, 4.8) },
  posterior_elbow: { view: 'back', shape: e(49.5, 188, 4.4, 6) },
  fingers_radial: { view: 'back', shape: e(38.5, 311, 3.3, 9, 8) },
  fingers_ulnar: { view: 'back', shape: e(46.5, 311, 3.3, 9, 4) },
  achilles: { view: 'back', shape: e(91, 428, 3.2, 11, -2) },
  // The soles, drawn as footprints under the back view.
  plantar_foot: { view: 'back', shape: e(92, 506, 9.5, 22) },
};

type Segment = ['L', number, number] | ['Q', number, number, number, number] | ['C', number, number, number, number, number, number];

/** The outline on the viewer's left, from the neck down to the crotch; mirrored for the right. */
const OUTLINE_START: [number, number] = [97, 64];
const HALF_OUTLINE: Segment[] = [
  ['L', 96, 84],
  ['Q', 80, 90, 63, 97], // trapezius slope to the acromion
  ['C', 50, 101, 44, 112, 45, 130], // deltoid
  ['L', 41, 190],
  ['L', 36, 262],
  ['C', 28, 276, 28, 300, 34, 318], // hand, thumb side
  ['C', 38, 328, 50, 328, 52, 316],
  ['C', 53, 300, 53, 280, 51, 262],
  ['L', 59, 192],
  ['L', 69, 134], // armpit
  ['C', 73, 160, 77, 180, 75, 200], // waist
  ['C', 73, 215, 63, 230, 64, 250], // hip
  ['C', 65, 290, 71, 320, 72, 340], // outer thigh to knee
  ['C', 73, 365, 76, 380, 80, 415],
  ['L', 83, 438],
  ['C', 82, 448, 80, 460, 84, 467], // foot
  ['C', 90, 473, 100, 471, 104, 463],
  ['L', 101, 440],
  ['C', 102, 410, 104, 380, 102, 360],
  ['L', 102, 340],
  ['C', 104, 310, 107, 285, 110, 264], // inner thigh to the crotch
];

const mirrorX = (x: number) => CHART_WIDTH - x;

/** The body outline without the head: the half outline, then its mirror image traced back up. */
export function bodyOutlinePath(): string {
  const parts = [`M ${OUTLINE_START[0]} ${OUTLINE_START[1]}`];
  const ends: [number, number][] = [OUTLINE_START];
  for (const segment of HALF_OUTLINE) {
    parts.push(segment.join(' '));
    ends.push([segment[segment.length - 2] as number, segment[segment.length - 1] as number]);
  }
  for (let i = HALF_OUTLINE.length - 1; i >= 0; i -= 1) {
    const segment = HALF_OUTLINE[i] as Segment;
    const [x, y] = ends[i] as [number, number];
    const to = `${mirrorX(x)} ${y}`;
    if (segment[0] === 'L') parts.push(`L ${to}`);
    else if (segment[0] === 'Q') parts.push(`Q ${mirrorX(segment[1])} ${segment[2]} ${to}`);
    else parts.push(`C ${mirrorX(segment[3])} ${segment[4]} ${mirrorX(segment[1])} ${segment[2]} ${to}`);
  }
  parts.push('Z');
  return parts.join(' ');
}

export const HEAD = { cx: 110, cy: 42, rx: 25, ry: 30 };
/** Hair on the back of the head, so the back view does not read as a face. */
export const HAIR = { cx: 110, cy: 34, rx: 24.5, ry: 24 };
export const EARS = { cx: 84, cy: 47, rx: 4.5, ry: 9 };
/** The soles under the back view: a footprint outline. */
export const SOLE = { cx: 92, cy: 506, rx: 11, ry: 24 };
