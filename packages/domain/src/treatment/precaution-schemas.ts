import { Type, type Static } from '@sinclair/typebox';
import { Localized, Source } from '../knowledge/knowledge-schemas.ts';
import { ZoneId } from '../screening/screening-schemas.ts';

/**
 * What each contraindication or precaution changes in the work (knowledge-base/screening/
 * precaution-effects.json). The screening rules say when a precaution applies; these entries say
 * what it does to a plan, a note's technique rows and the home program. Keyed by rule id, so a
 * rule added to contraindications.json fails precaution-effects.test.ts until it has an entry.
 */
const strict = { additionalProperties: false } as const;
const Id = Type.String({ pattern: '^[a-z][a-z0-9_]*$' });

/** 'rule_zones': the zones the screen resolved for this patient, with the sides from their answers. */
export const ZoneSelection = Type.Union([Type.Literal('rule_zones'), Type.Array(ZoneId, { minItems: 1 })]);
export type ZoneSelection = Static<typeof ZoneSelection>;

/** Where a pressure cap or technique exclusion applies. */
export const EffectScope = Type.Union([
  Type.Literal('everywhere'),
  Type.Literal('rule_zones'),
  Type.Object({ zones: Type.Array(ZoneId, { minItems: 1 }) }, strict),
]);
export type EffectScope = Static<typeof EffectScope>;

export const PrecautionEffect = Type.Object(
  {
    ruleId: Type.String({ pattern: '^CI_[A-Z0-9_]+$' }),
    /**
     * Set (with a rationale) for a precaution that asks the clinician something at the visit but
     * changes nothing in the work itself, so that "no effect" is a stated decision, not a gap.
     */
    changesNothing: Type.Optional(Type.Literal(true)),
    /** Muscles whose trigger points lie in these zones (on that side) are not worked. */
    excludeZones: Type.Optional(ZoneSelection),
    excludeMuscles: Type.Optional(Type.Array(Id)),
    /** Highest 0-10 pressure, within `scope` (default everywhere). */
    maxPressure: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    scope: Type.Optional(EffectScope),
    /** Techniques not used, within `scope`. */
    excludeTechniques: Type.Optional(Type.Array(Id)),
    /** Techniques every worked muscle gets when it lists them (within `scope`). */
    requireTechniques: Type.Optional(Type.Array(Id)),
    /** Position codes from the file's `positions`. */
    avoidPositions: Type.Optional(Type.Array(Id)),
    excludeSelfCare: Type.Optional(Type.Array(Id)),
    /** A physician co-signs any plan for this patient. */
    requiresPhysicianClearance: Type.Boolean(),
    rationale: Type.Optional(Type.String()),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type PrecautionEffect = Static<typeof PrecautionEffect>;

/** A knowledge-base caution ("gentle pressure only") as a pressure limit; the reason is the caution itself. */
export const MuscleLimit = Type.Object(
  {
    muscleId: Id,
    maxPressure: Type.Integer({ minimum: 0, maximum: 10 }),
    cautionIndex: Type.Integer({ minimum: 0 }),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type MuscleLimit = Static<typeof MuscleLimit>;

export const PrecautionEffectsFile = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    description: Type.String(),
    positions: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), Localized),
    /** Applies to every patient: a muscle next to an endangerment site is never proposed above this. */
    endangerment: Type.Object(
      { maxPressure: Type.Integer({ minimum: 0, maximum: 10 }), reason: Localized, sources: Type.Array(Source, { minItems: 1 }) },
      strict,
    ),
    muscleLimits: Type.Array(MuscleLimit),
    effects: Type.Array(PrecautionEffect, { minItems: 1 }),
  },
  strict,
);
export type PrecautionEffectsFile = Static<typeof PrecautionEffectsFile>;

const Side = Type.Union([Type.Literal('left'), Type.Literal('right')]);

/** What a precaution touched: a whole target, one technique of a target, or a home-program item. */
export const PrecautionItem = Type.Union([
  Type.Object({ kind: Type.Literal('target'), muscleId: Id, side: Type.Optional(Side) }, strict),
  Type.Object({ kind: Type.Literal('technique'), muscleId: Id, side: Type.Optional(Side), techniqueId: Id }, strict),
  Type.Object({ kind: Type.Literal('pressure'), muscleId: Id, side: Type.Optional(Side), techniqueId: Id, from: Type.Number(), to: Type.Number() }, strict),
  Type.Object({ kind: Type.Literal('self_care'), selfCareId: Id }, strict),
]);
export type PrecautionItem = Static<typeof PrecautionItem>;

/** One change a precaution made, with why, for the clinician and the co-signing physician. */
export const PrecautionAction = Type.Object(
  {
    item: PrecautionItem,
    action: Type.Union([Type.Literal('removed'), Type.Literal('capped'), Type.Literal('added')]),
    /** A contraindication rule id, or 'endangerment' / 'caution:<muscleId>' for the advisory limits. */
    ruleId: Type.String({ minLength: 1, maxLength: 80 }),
    reason: Localized,
    sources: Type.Array(Source, { maxItems: 6 }),
  },
  strict,
);
export type PrecautionAction = Static<typeof PrecautionAction>;

/** A clinician's decision to keep something a precaution would change, with the reason. */
export const PrecautionOverride = Type.Object(
  { ruleId: Type.String({ minLength: 1, maxLength: 80 }), item: PrecautionItem, reason: Type.String({ minLength: 10, maxLength: 1000 }) },
  strict,
);
export type PrecautionOverride = Static<typeof PrecautionOverride>;
