import { Type, type Static } from '@sinclair/typebox';

/**
 * The clinical assessment a therapist records on the body chart. The server validates every
 * PUT against `AssessmentData`; the web app edits the same shape. Zone and muscle ids come from
 * shared/domain/vocabulary.md; the server checks them against the knowledge base.
 */

const MAX_ITEMS = 200;
const MAX_TEXT = 2000;

const Id = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z][a-z0-9_]*$' });
const Text = Type.String({ maxLength: MAX_TEXT });
const Label = Type.String({ minLength: 1, maxLength: 200 });
const Notes = Type.Optional(Text);
const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Array(item, { maxItems: MAX_ITEMS });

export const Side = Type.Union([Type.Literal('left'), Type.Literal('right')]);
export type Side = Static<typeof Side>;

/** 0-10 numeric pain rating (NPRS). */
export const Intensity = Type.Integer({ minimum: 0, maximum: 10 });

export const PainMapEntry = Type.Object({ zone: Id, side: Type.Optional(Side), intensity: Intensity }, { additionalProperties: false });
export type PainMapEntry = Static<typeof PainMapEntry>;

export const TriggerPointActivity = Type.Union([Type.Literal('active'), Type.Literal('latent')]);
export type TriggerPointActivity = Static<typeof TriggerPointActivity>;

export const TriggerPointFinding = Type.Object(
  {
    muscleId: Id,
    side: Type.Optional(Side),
    activity: TriggerPointActivity,
    /** Which chart it was placed on, and where: 0..1 of the chart's width and height. */
    view: Type.Optional(Type.Union([Type.Literal('anterior'), Type.Literal('posterior')])),
    x: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    y: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Pressure on it reproduces the patient's familiar pain: the mark of an active TrP (Travell & Simons ch. 2). */
    reproducesFamiliarPain: Type.Boolean(),
    notes: Notes,
  },
  { additionalProperties: false },
);
export type TriggerPointFinding = Static<typeof TriggerPointFinding>;

export const TautBandFinding = Type.Object({ muscleId: Id, side: Type.Optional(Side), notes: Notes }, { additionalProperties: false });
export type TautBandFinding = Static<typeof TautBandFinding>;

export const TenderAreaFinding = Type.Object({ zone: Id, side: Type.Optional(Side), ischemic: Type.Boolean(), notes: Notes }, { additionalProperties: false });
export type TenderAreaFinding = Static<typeof TenderAreaFinding>;

export const NerveFinding = Type.Object(
  {
    /** A nerve id from COMMON_NERVE_SITES (e.g. "median") or free text. */
    nerve: Label,
    /** A site id from COMMON_NERVE_SITES (e.g. "carpal_tunnel") or free text. */
    site: Label,
    side: Type.Optional(Side),
    signs: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 }),
    notes: Notes,
  },
  { additionalProperties: false },
);
export type NerveFinding = Static<typeof NerveFinding>;

export const ObservationFinding = Type.Object({ finding: Label, notes: Notes }, { additionalProperties: false });
export type ObservationFinding = Static<typeof ObservationFinding>;

export const BiomechanicalResult = Type.Union([Type.Literal('normal'), Type.Literal('restricted'), Type.Literal('painful'), Type.Literal('hypermobile')]);
export type BiomechanicalResult = Static<typeof BiomechanicalResult>;

/** A range-of-motion or muscle-length test. */
export const BiomechanicalFinding = Type.Object(
  {
    /** A test id from COMMON_BIOMECHANICAL_TESTS or free text. */
    test: Label,
    side: Type.Optional(Side),
    result: BiomechanicalResult,
    /** The measurement as recorded, e.g. "35°" or "3 fingers". */
    value: Type.Optional(Type.String({ maxLength: 100 })),
    notes: Notes,
  },
  { additionalProperties: false },
);
export type BiomechanicalFinding = Static<typeof BiomechanicalFinding>;

const FactorList = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 });

/** Perpetuating factors in Travell & Simons' three groups (ch. 4). */
export const PerpetuatingFactors = Type.Object(
  { biomechanical: FactorList, biochemical: FactorList, psychosocial: FactorList },
  { additionalProperties: false },
);
export type PerpetuatingFactors = Static<typeof PerpetuatingFactors>;

export const ProblemZone = Type.Object({ zone: Id, side: Type.Optional(Side) }, { additionalProperties: false });
export type ProblemZone = Static<typeof ProblemZone>;

export const Problem = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 100 }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    zones: Type.Array(ProblemZone, { maxItems: MAX_ITEMS }),
    /** 1 is the area needing most attention. */
    priority: Type.Integer({ minimum: 1, maximum: 1000 }),
    /** derived: written by deriveProblemList; therapist: added or edited by hand. */
    source: Type.Union([Type.Literal('derived'), Type.Literal('therapist')]),
    notes: Notes,
  },
  { additionalProperties: false },
);
export type Problem = Static<typeof Problem>;

export const AssessmentData = Type.Object(
  {
    painMap: list(PainMapEntry),
    triggerPoints: list(TriggerPointFinding),
    tautBands: list(TautBandFinding),
    tenderAreas: list(TenderAreaFinding),
    nerveFindings: list(NerveFinding),
    posture: list(ObservationFinding),
    gait: list(ObservationFinding),
    biomechanics: list(BiomechanicalFinding),
    perpetuatingFactors: PerpetuatingFactors,
    problems: list(Problem),
    summary: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
export type AssessmentData = Static<typeof AssessmentData>;

export function emptyAssessmentData(): AssessmentData {
  return {
    painMap: [],
    triggerPoints: [],
    tautBands: [],
    tenderAreas: [],
    nerveFindings: [],
    posture: [],
    gait: [],
    biomechanics: [],
    perpetuatingFactors: { biomechanical: [], biochemical: [], psychosocial: [] },
    problems: [],
  };
}

/**
 * Common entrapment and compression sites, offered first in the picker. `zone` places the
 * finding on the body chart for the problem list. Sites as taught in Travell & Simons' Trigger
 * Point Manual (2nd ed.) and Chaitow & DeLany, Clinical Application of Neuromuscular Techniques.
 */
export const COMMON_NERVE_SITES = [
  { nerve: 'median', site: 'carpal_tunnel', zone: 'palmar_wrist_hand' },
  { nerve: 'median', site: 'pronator_teres', zone: 'volar_forearm' },
  { nerve: 'ulnar', site: 'cubital_tunnel', zone: 'medial_elbow' },
  { nerve: 'ulnar', site: 'guyon_canal', zone: 'palmar_wrist_hand' },
  { nerve: 'radial', site: 'supinator', zone: 'lateral_elbow' },
  { nerve: 'brachial_plexus', site: 'scalenes', zone: 'lateral_neck' },
  { nerve: 'brachial_plexus', site: 'pectoralis_minor', zone: 'chest' },
  { nerve: 'greater_occipital', site: 'semispinalis_capitis', zone: 'occiput' },
  { nerve: 'sciatic', site: 'piriformis', zone: 'buttock' },
  { nerve: 'common_fibular', site: 'fibular_head', zone: 'lateral_knee' },
  { nerve: 'lateral_femoral_cutaneous', site: 'inguinal_ligament', zone: 'groin' },
  { nerve: 'tibial', site: 'tarsal_tunnel', zone: 'medial_ankle' },
] as const;

/** Common signs of nerve entrapment or compression, offered as checkboxes. */
export const COMMON_NERVE_SIGNS = [
  'paraesthesia',
  'numbness',
  'weakness',
  'tinel_positive',
  'provocation_test_positive',
  'night_symptoms',
  'reflex_change',
] as const;

/** Common range-of-motion and muscle-length tests, with the zone each one tests. */
export const COMMON_BIOMECHANICAL_TESTS = [
  { test: 'cervical_rotation', zone: 'posterior_neck' },
  { test: 'cervical_lateral_flexion', zone: 'lateral_neck' },
  { test: 'cervical_flexion', zone: 'posterior_neck' },
  { test: 'mouth_opening', zone: 'jaw_tmj' },
  { test: 'shoulder_flexion', zone: 'anterior_shoulder' },
  { test: 'shoulder_abduction', zone: 'lateral_shoulder' },
  { test: 'shoulder_internal_rotation', zone: 'posterior_shoulder' },
  { test: 'shoulder_external_rotation', zone: 'anterior_shoulder' },
  { test: 'elbow_extension', zone: 'anterior_upper_arm' },
  { test: 'wrist_extension', zone: 'volar_forearm' },
  { test: 'wrist_flexion', zone: 'dorsal_forearm' },
  { test: 'thoracic_rotation', zone: 'mid_back' },
  { test: 'lumbar_flexion', zone: 'low_back' },
  { test: 'lumbar_extension', zone: 'low_back' },
  { test: 'hip_flexor_length_thomas', zone: 'groin' },
  { test: 'hamstring_length_slr', zone: 'posterior_thigh' },
  { test: 'itb_tfl_length_ober', zone: 'lateral_thigh' },
  { test: 'hip_internal_rotation', zone: 'buttock' },
  { test: 'knee_flexion', zone: 'anterior_knee' },
  { test: 'ankle_dorsiflexion', zone: 'calf' },
] as const;

/** Choices offered for each group of perpetuating factors; free text is allowed as well. */
export const PERPETUATING_FACTOR_CHOICES = {
  biomechanical: ['posture', 'habits_of_use', 'repetitive_work', 'leg_length_difference', 'small_hemipelvis', 'footwear', 'sleep_position', 'workstation'],
  biochemical: ['hydration', 'nutrition', 'sleep', 'medications', 'allergies', 'toxins', 'alcohol_caffeine'],
  psychosocial: ['stress', 'mood', 'breathing_pattern', 'work_pressure', 'fear_of_movement'],
} as const;
