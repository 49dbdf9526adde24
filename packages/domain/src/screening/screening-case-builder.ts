import type { IntakeAnswers, IntakeAnswerValue } from './intake-answers.ts';
import type { ScreeningOutcome } from './screening-result.ts';
import type { RedFlagId, Side, Urgency, ZoneId, ZoneRef } from './screening-schemas.ts';

/** The day every case is screened on. */
export const SCREENING_DAY = '2026-11-15';

export type CaseKind = 'clean' | 'precautions' | 'whole_session' | 'red_flag' | 'incomplete';

export interface ScreeningCase {
  id: string;
  description: string;
  /** clean and precautions cases should not be referred: they make up the false-referral denominator. */
  kind: CaseKind;
  answers: IntakeAnswers;
  today: string;
  expected: {
    readonly outcome: ScreeningOutcome;
    /** Exactly the red flags the screen should raise (positive or not ruled out). */
    readonly redFlags: readonly RedFlagId[];
    /** The physician referral's urgency. */
    readonly urgency?: Urgency;
    /** Zones that must be among the avoided ones. */
    readonly avoidZones?: readonly ZoneRef[];
  };
}

/** A birth date that makes the patient `age` on SCREENING_DAY. */
export const bornAt = (age: number): string => `${2026 - age}-03-01`;

type ZoneEntry = readonly [ZoneId, Side | undefined, number];

/** The pain-map answer: [zone, side, intensity] triples as the body chart's JSON. */
export const painMap = (...entries: ZoneEntry[]): string =>
  JSON.stringify(entries.map(([zone, side, intensity]) => (side ? { zone, side, intensity } : { zone, intensity })));

/** A body-zones answer. */
export const zoneList = (...entries: (readonly [ZoneId, Side | undefined])[]): string =>
  JSON.stringify(entries.map(([zone, side]) => (side ? { zone, side } : { zone })));

/**
 * A fully answered intake from a healthy 35-year-old woman with two months of desk-posture neck
 * pain: every safety question answered "no". Cases override what differs.
 */
const CLEAN_INTAKE: Record<string, IntakeAnswerValue> = {
  'full-name': 'Case Patient',
  phone: '+971 50 000 0000',
  'emergency-contact-name': 'Case Contact',
  'emergency-contact-phone': '+971 50 000 0001',
  'birth-date': bornAt(35),
  sex: 'female',
  'med-anticoagulant': false,
  'med-antiplatelet': false,
  'med-statin': false,
  'med-corticosteroid': false,
  'steroid-injection-recent': false,
  'cond-diabetes': false,
  'cond-neuropathy': false,
  'cond-osteoporosis': false,
  'cond-cancer': 'none',
  'cond-recent-surgery': false,
  'cond-pregnant': 'no',
  'cond-varicose-veins': false,
  'cond-bleeding-disorder': false,
  'cond-clot-history': false,
  'cond-implanted-devices': ['none'],
  'cond-hypertension': 'no',
  'cond-stroke-tia': false,
  'cond-aneurysm': false,
  'cond-hernia': false,
  'cond-lymphoedema': false,
  'cond-inflammatory-arthritis': 'no',
  'cond-nmd-diagnosed': false,
  'cond-skin-problem': false,
  'cond-fracture-unhealed': false,
  'cond-fragile-skin': false,
  'cond-fibromyalgia': false,
  'cond-hypermobility': false,
  'cond-kidney-disease': false,
  'recent-vaccination': false,
  'pain-map': painMap(['posterior_neck', 'right', 5], ['upper_trapezius_ridge', 'right', 6]),
  'pain-now': 5,
  'pain-best': 3,
  'pain-worst': 7,
  'pain-duration': 'weeks_6_to_months_3',
  'pain-onset': 'gradual',
  'pain-onset-speed': 'weeks',
  'pain-cause': 'posture',
  'pain-changes-with-movement': true,
  'pain-widespread': false,
  'psfs-1-activity': 'Working at the computer for two hours',
  'psfs-1-score': 4,
  'psfs-2-activity': 'Checking the blind spot when driving',
  'psfs-2-score': 5,
  'psfs-3-activity': 'Sleeping through the night',
  'psfs-3-score': 6,
  'work-posture': 'desk_sitting',
  'sleep-quality': 'fair',
  'water-intake': 'litres_1_to_2',
  'stress-level': 5,
  'exercise-frequency': 'weekly_1_2',
  footwear: 'supportive',
  smoking: 'never',
  'rf-bladder-bowel': false,
  'rf-saddle-numbness': false,
  'rf-both-legs': false,
  'rf-sexual-function': false,
  'rf-hands-numb-both': false,
  'rf-feet-numb-both': false,
  'rf-hands-clumsy': false,
  'rf-walking-balance': false,
  'rf-bone-pain-load': false,
  'rf-lhermitte': false,
  'rf-foot-drop-grip': false,
  'rf-weight-loss': false,
  'rf-night-pain': false,
  'rf-fever-recent': false,
  'rf-night-sweats': false,
  'rf-immunosuppressed': false,
  'rf-recent-infection-procedure': false,
  'rf-injects-drugs': false,
  'rf-hot-swollen-joint': false,
  'rf-recent-trauma': 'none',
  'rf-neck-trauma': false,
  'rf-neck-dizziness': false,
  'rf-neck-headache-sudden': false,
  'rf-one-side-sudden': false,
  'rf-speech-sudden': false,
  'rf-head-injury': false,
  'rf-thunderclap': false,
  'rf-headache-fever-stiff-neck': false,
  'rf-headache-new': false,
  'rf-headache-worsening': false,
  'rf-headache-positional': false,
  'rf-temple-tenderness': false,
  'rf-jaw-claudication': false,
  'rf-vision-change': false,
  'rf-girdle-stiffness': false,
  'rf-exertional-chest-pain': false,
  'rf-chest-pain-with-symptoms': false,
  'rf-breathless-new': false,
  'rf-calf-one-swollen': false,
  'rf-calf-warm': false,
  'rf-calf-red': false,
  'rf-calf-painful': false,
  'rf-abdominal-pulsation': false,
  'rf-leg-pain-severe': false,
  'rf-pain-linked-organs': false,
  'rf-flank-fever-blood': false,
  'rf-morning-stiffness': false,
  'rf-better-with-exercise': false,
  'rf-wakes-second-half': false,
  'rf-alternating-buttock': false,
  'rf-spa-associated': false,
  'nmd-weakness-main': false,
  'nmd-progressive': false,
  'nmd-wasting': false,
  'nmd-twitching': false,
  'nmd-cramps-rest': false,
  'nmd-breathing-difficulty': false,
  'nmd-swallowing-difficulty': false,
  'nmd-speech-difficulty': false,
  'nmd-ptosis-diplopia': false,
  'nmd-functional-weakness': false,
  'nmd-family-history': false,
  'rf-dark-urine': false,
  'rf-severe-muscle-pain-after-exertion': false,
  'rf-self-harm': false,
  'rf-unsafe': false,
};

/** The clean intake with these answers changed (undefined removes an answer). */
export function intake(overrides: Readonly<Record<string, IntakeAnswerValue | undefined>> = {}): IntakeAnswers {
  const answers: Record<string, IntakeAnswerValue> = { ...CLEAN_INTAKE };
  for (const [linkId, value] of Object.entries(overrides)) {
    if (value === undefined) delete answers[linkId];
    else answers[linkId] = value;
  }
  return answers;
}

/** All linkIds the clean intake answers, for tests that check coverage. */
export const CLEAN_INTAKE_LINK_IDS: readonly string[] = Object.keys(CLEAN_INTAKE);
