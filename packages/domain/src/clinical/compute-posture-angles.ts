/**
 * Posture angles from landmarks the therapist clicks on a standing photo. Coordinates are image
 * pixels: x grows to the right and y grows DOWNWARD, so "up" is −y throughout. Angles are in
 * degrees, rounded to 0.1; an angle is returned only when every landmark it needs was placed.
 */

export type PhotoView = 'front' | 'side';

export interface Point {
  x: number;
  y: number;
}

export type Landmarks = Partial<Record<string, Point>>;

/** The landmarks for each view, in the order the guide asks for them. */
export const POSTURE_LANDMARKS = {
  side: ['tragus', 'c7', 'acromion', 'asis', 'psis', 'greater_trochanter', 'knee', 'lateral_malleolus'],
  front: ['right_acromion', 'left_acromion', 'right_asis', 'left_asis', 'right_knee', 'left_knee', 'right_ankle', 'left_ankle'],
} as const satisfies Record<PhotoView, readonly string[]>;

export type PostureLandmark = (typeof POSTURE_LANDMARKS)[PhotoView][number];

export interface PostureAngles {
  /**
   * Side view. Angle between the horizontal through C7 and the line C7→tragus. Smaller means a
   * more forward head: Yip CHT, Chiu TTW, Poon ATK. The relationship between head posture and
   * severity and disability of patients with neck pain. Man Ther 2008;13(2):148–154; Lau et al.
   * (Man Ther 2009;14:363–368) found a mean of about 51° without neck pain and 44° with it.
   */
  craniovertebralAngle?: number;
  /**
   * Side view. Angle of the ASIS→PSIS line from the horizontal; positive = anterior tilt (ASIS
   * lower than PSIS), negative = posterior. Most pain-free adults stand in some anterior tilt
   * (85% of men, 75% of women): Herrington L. Assessment of the degree of pelvic tilt within a
   * normal asymptomatic population. Man Ther 2011;16(6):646–648.
   */
  pelvicTilt?: number;
  /**
   * Side view. How far each landmark sits in front of (+) or behind (−) the vertical through the
   * lateral malleolus, as an angle seen from the ankle. In ideal standing alignment the plumb
   * line falls just in front of the malleolus and through the knee, greater trochanter, acromion
   * and ear (Kendall FP et al. Muscles: Testing and Function, with Posture and Pain. 5th ed. 2005).
   */
  kneeFromPlumb?: number;
  hipFromPlumb?: number;
  shoulderFromPlumb?: number;
  headFromPlumb?: number;
  /** Front view. Acromion line from the horizontal; positive = the patient's right shoulder is higher. */
  shoulderLevel?: number;
  /** Front view. ASIS line from the horizontal; positive = the patient's right side of the pelvis is higher. */
  pelvicObliquity?: number;
  /**
   * Front view. Frontal-plane knee angle: 180° minus the angle ASIS→knee→ankle; positive =
   * valgus (knee inside the hip–ankle line), negative = varus. The ASIS stands in for the hip
   * joint centre, as in 2-D frontal-plane projection angles (Munro A, Herrington L, Carolan M.
   * J Sport Rehabil 2012;21(1):7–11), so read it as a screening value, not a radiographic one.
   */
  rightKneeFrontalAngle?: number;
  leftKneeFrontalAngle?: number;
}

export function computePostureAngles(view: PhotoView, landmarks: Landmarks): PostureAngles {
  return view === 'side' ? sideAngles(landmarks) : frontAngles(landmarks);
}

function sideAngles(l: Landmarks): PostureAngles {
  const angles: PostureAngles = {};
  // Which way the patient faces: the ASIS is in front of the PSIS; failing that, assume the
  // head is in front of C7 (true of nearly every standing posture).
  const facing = l.asis && l.psis && l.asis.x !== l.psis.x ? Math.sign(l.asis.x - l.psis.x) : undefined;

  if (l.tragus && l.c7) {
    const up = l.c7.y - l.tragus.y;
    const dx = l.tragus.x - l.c7.x;
    const forward = facing === undefined ? Math.abs(dx) : dx * facing;
    angles.craniovertebralAngle = round(degrees(Math.atan2(up, forward)));
  }
  if (l.asis && l.psis) {
    const drop = l.asis.y - l.psis.y; // ASIS lower than PSIS: anterior tilt
    angles.pelvicTilt = round(degrees(Math.atan2(drop, Math.abs(l.asis.x - l.psis.x))));
  }
  if (l.lateral_malleolus) {
    const ankle = l.lateral_malleolus;
    const direction = facing ?? (l.tragus && l.c7 && l.tragus.x !== l.c7.x ? Math.sign(l.tragus.x - l.c7.x) : undefined);
    const fromPlumb = (point: Point | undefined): number | undefined => {
      if (!point || direction === undefined) return undefined;
      return round(degrees(Math.atan2((point.x - ankle.x) * direction, ankle.y - point.y)));
    };
    const knee = fromPlumb(l.knee);
    const hip = fromPlumb(l.greater_trochanter);
    const shoulder = fromPlumb(l.acromion);
    const head = fromPlumb(l.tragus);
    if (knee !== undefined) angles.kneeFromPlumb = knee;
    if (hip !== undefined) angles.hipFromPlumb = hip;
    if (shoulder !== undefined) angles.shoulderFromPlumb = shoulder;
    if (head !== undefined) angles.headFromPlumb = head;
  }
  return angles;
}

function frontAngles(l: Landmarks): PostureAngles {
  const angles: PostureAngles = {};
  const level = (right: Point | undefined, left: Point | undefined): number | undefined =>
    right && left ? round(degrees(Math.atan2(left.y - right.y, Math.abs(left.x - right.x)))) : undefined;

  const shoulders = level(l.right_acromion, l.left_acromion);
  if (shoulders !== undefined) angles.shoulderLevel = shoulders;
  const pelvis = level(l.right_asis, l.left_asis);
  if (pelvis !== undefined) angles.pelvicObliquity = pelvis;

  // The body's midline decides which way is medial. Without a pair of landmarks, assume the
  // patient faces the camera, so their right side is on the image's left.
  const pairs: [Point | undefined, Point | undefined][] = [
    [l.right_asis, l.left_asis],
    [l.right_knee, l.left_knee],
    [l.right_ankle, l.left_ankle],
  ];
  const pair = pairs.find(([right, left]) => right && left && right.x !== left.x);
  const rightMedial = pair?.[0] && pair[1] ? Math.sign(pair[1].x - pair[0].x) : 1;

  const right = kneeAngle(l.right_asis, l.right_knee, l.right_ankle, rightMedial);
  if (right !== undefined) angles.rightKneeFrontalAngle = right;
  const left = kneeAngle(l.left_asis, l.left_knee, l.left_ankle, -rightMedial);
  if (left !== undefined) angles.leftKneeFrontalAngle = left;
  return angles;
}

function kneeAngle(hip: Point | undefined, knee: Point | undefined, ankle: Point | undefined, medial: number): number | undefined {
  if (!hip || !knee || !ankle) return undefined;
  const a = { x: hip.x - knee.x, y: hip.y - knee.y };
  const b = { x: ankle.x - knee.x, y: ankle.y - knee.y };
  const lengths = Math.hypot(a.x, a.y) * Math.hypot(b.x, b.y);
  if (lengths === 0) return undefined;
  const inner = degrees(Math.acos(Math.min(1, Math.max(-1, (a.x * b.x + a.y * b.y) / lengths))));
  // Where the hip–ankle line passes at the knee's height; a knee medial to it is valgus.
  const t = ankle.y === hip.y ? 0.5 : (knee.y - hip.y) / (ankle.y - hip.y);
  const lineX = hip.x + t * (ankle.x - hip.x);
  const sign = Math.sign((knee.x - lineX) * medial) || 1;
  return round(sign * (180 - inner));
}

function degrees(radians: number): number {
  return (radians * 180) / Math.PI;
}

function round(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded; // no −0 in stored JSON
}
