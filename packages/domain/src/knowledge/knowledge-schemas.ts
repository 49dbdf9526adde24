import { Type, type Static } from '@sinclair/typebox';

/**
 * Schemas for the knowledge base in /knowledge-base. Knowledge is data: every clinical fact the
 * code uses lives in those files, each entry citing its source, and a test validates them all.
 */

export const Localized = Type.Object({ en: Type.String({ minLength: 1 }), ar: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type Localized = Static<typeof Localized>;

export const Source = Type.Object(
  {
    citation: Type.String({ minLength: 5 }),
    locator: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Source = Static<typeof Source>;

export const ChartView = Type.Union([
  Type.Literal('anterior'),
  Type.Literal('posterior'),
  Type.Literal('lateral'),
  Type.Literal('medial'),
  Type.Literal('plantar'),
]);

export const BodyZone = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    label: Localized,
    /** Midline zones take no side; every other zone is recorded once per side. */
    midline: Type.Boolean(),
    views: Type.Array(ChartView, { minItems: 1 }),
    region: Type.String({ minLength: 1 }),
    sources: Type.Array(Source, { minItems: 1 }),
    /** Vocabulary v2+: the version-1 zone this one refines (a finer part of it). */
    refines: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]*$' })),
    /** The vocabulary version that added the zone; absent for version 1. */
    sinceVersion: Type.Optional(Type.Integer({ minimum: 2 })),
  },
  { additionalProperties: false },
);
export type BodyZone = Static<typeof BodyZone>;

/**
 * A versioned vocabulary file (knowledge-base/vocabulary/zones-v<N>.json). The vocabulary in
 * shared/domain/vocabulary.md is version 1 and fixed; later versions only ADD zones, each refining
 * one existing zone, so stored pain maps stay valid and a new zone can be read as its parent.
 */
export const VocabularyZoneAddition = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    label: Localized,
    midline: Type.Boolean(),
    views: Type.Array(ChartView, { minItems: 1 }),
    region: Type.String({ minLength: 1 }),
    refines: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    /** Why clinicians need it: which sources it tells apart. */
    reason: Localized,
    sources: Type.Array(Source, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type VocabularyZoneAddition = Static<typeof VocabularyZoneAddition>;

export const VocabularyFile = Type.Object(
  {
    version: Type.Integer({ minimum: 2 }),
    basedOn: Type.Integer({ minimum: 1 }),
    description: Type.String({ minLength: 1 }),
    added: Type.Array(VocabularyZoneAddition, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type VocabularyFile = Static<typeof VocabularyFile>;

export const MuscleRegion = Type.Union([
  Type.Literal('head_jaw'),
  Type.Literal('neck'),
  Type.Literal('shoulder_upper_back'),
  Type.Literal('arm'),
  Type.Literal('forearm_hand'),
  Type.Literal('trunk'),
  Type.Literal('hip_pelvis'),
  Type.Literal('thigh'),
  Type.Literal('leg_foot'),
]);
export type MuscleRegion = Static<typeof MuscleRegion>;

export const TriggerPointSite = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    /** Where the trigger point sits, in words. */
    location: Localized,
    /** The body zone over which it is palpated. */
    zone: Type.String(),
    /** Zones this trigger point refers to, when it differs from the muscle's overall pattern. */
    primaryZones: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const Muscle = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    name: Localized,
    aliases: Type.Array(Type.String()),
    region: MuscleRegion,
    /** Midline-crossing muscles (e.g. diaphragm) may refer to both sides. */
    bilateralReferral: Type.Optional(Type.Boolean()),
    triggerPoints: Type.Array(TriggerPointSite, { minItems: 1 }),
    /** Referral pattern: the essential (primary) zones and the spillover zones, same side unless bilateralReferral. */
    referral: Type.Object(
      {
        primary: Type.Array(Type.String(), { minItems: 1 }),
        spillover: Type.Array(Type.String()),
      },
      { additionalProperties: false },
    ),
    complaints: Type.Array(Localized),
    techniques: Type.Array(Type.String(), { minItems: 1 }),
    stretch: Localized,
    cautions: Type.Array(Localized),
    endangermentSites: Type.Array(Type.String()),
    protocols: Type.Array(Type.String()),
    sources: Type.Array(Source, { minItems: 1 }),
    /**
     * Absent: the referral pattern is the one Travell & Simons draw. 'none_in_travell_simons': they
     * give no map, the zones are local pain from another source, and the source finder does not
     * propose the muscle from a pain map (only from a palpation finding).
     */
    referralMap: Type.Optional(Type.Object({ status: Type.Literal('none_in_travell_simons'), note: Localized }, { additionalProperties: false })),
    /** Most pressure (0-10, the techniques' pressure scale) any technique may use on this muscle. */
    maxPressure: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  },
  { additionalProperties: false },
);
export type Muscle = Static<typeof Muscle>;

/**
 * How often a muscle is the source of the pain, as a gentle prior for the source finder.
 * 'common': named by prevalence studies or Travell & Simons as among the most often involved;
 * 'uncommon': small, often absent or rarely reported muscles. Unlisted muscles are 'usual'.
 */
export const MusclePrevalence = Type.Object(
  {
    muscleId: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    prevalence: Type.Union([Type.Literal('common'), Type.Literal('uncommon')]),
    rationale: Type.String({ minLength: 10 }),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type MusclePrevalence = Static<typeof MusclePrevalence>;

export const TechniqueParameter = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-zA-Z0-9_]*$' }),
    label: Localized,
    unit: Type.String(),
    default: Type.Number(),
    min: Type.Number(),
    max: Type.Number(),
  },
  { additionalProperties: false },
);

export const Technique = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    name: Localized,
    description: Localized,
    parameters: Type.Array(TechniqueParameter),
    cautions: Type.Array(Localized),
    sources: Type.Array(Source, { minItems: 1 }),
    /** Muscle regions the technique's own cautions rule out (spray-and-stretch: face and jaw). */
    avoidRegions: Type.Optional(Type.Array(MuscleRegion)),
  },
  { additionalProperties: false },
);
export type Technique = Static<typeof Technique>;

export const Protocol = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    name: Localized,
    /** Zones whose pain makes this protocol relevant (shoulder pain → shoulder_upper_extremity). */
    zones: Type.Array(Type.String(), { minItems: 1 }),
    /** Muscles in treatment order; ids from the muscle files. */
    muscles: Type.Array(Type.String(), { minItems: 1 }),
    groups: Type.Optional(Type.Array(Type.Object({ label: Localized, muscles: Type.Array(Type.String()) }, { additionalProperties: false }))),
    steps: Type.Array(Localized, { minItems: 1 }),
    screenFirst: Type.Array(Localized),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Protocol = Static<typeof Protocol>;

export const SelfCareItem = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    kind: Type.Union([
      Type.Literal('self_stretch'),
      Type.Literal('self_pressure'),
      Type.Literal('heat'),
      Type.Literal('posture_ergonomics'),
      Type.Literal('breathing'),
      Type.Literal('gentle_movement'),
    ]),
    title: Localized,
    instructions: Localized,
    defaultDose: Localized,
    muscles: Type.Array(Type.String()),
    cautions: Type.Array(Localized),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type SelfCareItem = Static<typeof SelfCareItem>;

/**
 * A body region's name as the problem list shows it (knowledge-base/regions/regions.json). Region
 * ids come from the body zones and muscles; these are names for them, not clinical claims, so an
 * entry cites no source. A region without an entry is shown as its id, written out.
 */
export const Region = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    label: Localized,
  },
  { additionalProperties: false },
);
export type Region = Static<typeof Region>;
