import { Type, type Static } from '@sinclair/typebox';

/**
 * Schemas for the knowledge base in /knowledge-base. Knowledge is data: every clinical fact the
 * code uses lives in those files, each entry citing its source, and a test validates them all.
 */

export const Localized = Type.Object(
  { en: Type.String({ minLength: 1 }), ar: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
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
  },
  { additionalProperties: false },
);
export type BodyZone = Static<typeof BodyZone>;

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
  },
  { additionalProperties: false },
);
export type Muscle = Static<typeof Muscle>;

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
    groups: Type.Optional(
      Type.Array(Type.Object({ label: Localized, muscles: Type.Array(Type.String()) }, { additionalProperties: false })),
    ),
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
