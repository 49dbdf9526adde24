import { Type, type Static } from '@sinclair/typebox';
import { Localized, Source } from '../knowledge/knowledge-schemas.ts';
import { VOCABULARY_ZONES } from '../knowledge/vocabulary.ts';

/**
 * Schemas for the screening rules in knowledge-base/screening. The rules are data: each one names
 * a declarative condition over intake answers (keyed by questionnaire linkId) and cites its sources;
 * screen-patient.ts only interprets them.
 */

export const LinkId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' });

export const ZoneId = Type.Union(VOCABULARY_ZONES.map((zone) => Type.Literal(zone.id)));
export type ZoneId = Static<typeof ZoneId>;

export const Side = Type.Union([Type.Literal('left'), Type.Literal('right')]);
export type Side = Static<typeof Side>;

/** A body zone, with a side unless the zone is on the midline. */
export const ZoneRef = Type.Object({ zone: ZoneId, side: Type.Optional(Side) }, { additionalProperties: false });
export type ZoneRef = Static<typeof ZoneRef>;

/** The answer to the `pain-map` item, after JSON.parse: the body chart the UI draws. */
export const PainMapEntry = Type.Object(
  { zone: ZoneId, side: Type.Optional(Side), intensity: Type.Integer({ minimum: 0, maximum: 10 }) },
  { additionalProperties: false },
);
export type PainMapEntry = Static<typeof PainMapEntry>;
export const PainMap = Type.Array(PainMapEntry);

export const Urgency = Type.Union([Type.Literal('emergency'), Type.Literal('same_day'), Type.Literal('soon')]);
export type Urgency = Static<typeof Urgency>;

const strict = { additionalProperties: false } as const;

/**
 * The condition language. Leaves read one answer; `age` reads `birth-date` against today; `painIn`
 * reads the pain map. Evaluation is three-valued (true / false / unknown) so that an unanswered
 * question can never quietly rule a red flag out.
 */
export const Condition = Type.Recursive(
  (This) =>
    Type.Union([
      /** A boolean item answered yes. */
      Type.Object({ yes: LinkId }, strict),
      /** The answer equals the value (a choice item compares its code; a repeating item matches if any answer does). */
      Type.Object({ answer: LinkId, equals: Type.Union([Type.Boolean(), Type.Number(), Type.String()]) }, strict),
      /** A choice answer (or any of several) is one of these codes. */
      Type.Object({ answer: LinkId, in: Type.Array(Type.String(), { minItems: 1 }) }, strict),
      Type.Object({ answer: LinkId, gte: Type.Number() }, strict),
      Type.Object({ answer: LinkId, lte: Type.Number() }, strict),
      /** Age in whole years on the screening day, from `birth-date`. */
      Type.Object(
        {
          age: Type.Object(
            { gte: Type.Optional(Type.Integer({ minimum: 0 })), lt: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false, minProperties: 1 },
          ),
        },
        strict,
      ),
      /** Some pain-map entry lies in one of these zones with at least this intensity (default 1). */
      Type.Object(
        {
          painIn: Type.Object(
            {
              zones: Type.Array(ZoneId, { minItems: 1 }),
              minIntensity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
            },
            strict,
          ),
        },
        strict,
      ),
      Type.Object({ all: Type.Array(This, { minItems: 1 }) }, strict),
      Type.Object({ any: Type.Array(This, { minItems: 1 }) }, strict),
      Type.Object({ not: This }, strict),
      Type.Object({ atLeast: Type.Integer({ minimum: 1 }), of: Type.Array(This, { minItems: 1 }) }, strict),
    ]),
  { $id: 'ScreeningCondition' },
);
export type Condition = Static<typeof Condition>;

export const RED_FLAG_IDS = [
  'RF_CES',
  'RF_CORD',
  'RF_NEURO_DEF',
  'RF_CA',
  'RF_INF',
  'RF_FX',
  'RF_CAD',
  'RF_SAH',
  'RF_GCA',
  'RF_HEAD_OTHER',
  'RF_CARDIAC',
  'RF_PE_DVT',
  'RF_AAA',
  'RF_COMPART',
  'RF_VISC',
  'RF_INFLAM',
  'RF_PMR',
  'RF_NMD',
  'RF_RHABDO',
  'RF_PSYCH',
  'RF_STROKE',
  'RF_HEAD_INJURY',
] as const;
export const RedFlagId = Type.Union(RED_FLAG_IDS.map((id) => Type.Literal(id)));
export type RedFlagId = Static<typeof RedFlagId>;

/** Raises a rule's urgency when a further condition holds ("SOON, URGENT if bulbar signs"). */
export const Escalation = Type.Object({ urgency: Urgency, when: Condition, because: Localized }, strict);
export type Escalation = Static<typeof Escalation>;

export const RedFlagRule = Type.Object(
  {
    id: RedFlagId,
    name: Localized,
    suspect: Localized,
    /** Urgency when the condition holds and no escalation applies. */
    urgency: Urgency,
    escalations: Type.Array(Escalation),
    condition: Condition,
    /** Answers worth naming in the referral when true, without triggering the flag (e.g. statin use for RF_NMD). */
    context: Type.Optional(Type.Array(Condition)),
    referTo: Localized,
    physicianTests: Type.Array(Localized),
    /** Referral-pattern (trigger point) reasoning would mislead; the UI must not rank source muscles. */
    suspendsTriggerPointReasoning: Type.Boolean(),
    /** Why the condition is shaped as it is, for the engineers and clinicians who maintain it. */
    rationale: Type.Optional(Type.String()),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type RedFlagRule = Static<typeof RedFlagRule>;

/**
 * Which zones a contraindication concerns. Fixed `zones` take their side from `side`, else from the
 * answer `sideFromAnswer` (left | right | both; unknown means both), else both sides. `zonesFromAnswer`
 * reads a body-zones item ([{zone, side?}]); when it is empty, `fallbackZones` apply instead.
 */
export const ZoneSpec = Type.Object(
  {
    zones: Type.Optional(Type.Array(ZoneId, { minItems: 1 })),
    side: Type.Optional(Type.Union([Side, Type.Literal('both')])),
    sideFromAnswer: Type.Optional(LinkId),
    zonesFromAnswer: Type.Optional(LinkId),
    fallbackZones: Type.Optional(Type.Array(ZoneId, { minItems: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ZoneSpec = Static<typeof ZoneSpec>;

export const ContraindicationKind = Type.Union([Type.Literal('whole_session'), Type.Literal('local'), Type.Literal('relative')]);
export type ContraindicationKind = Static<typeof ContraindicationKind>;

export const ContraindicationRule = Type.Object(
  {
    id: Type.String({ pattern: '^CI_[A-Z0-9_]+$' }),
    name: Localized,
    /** whole_session postpones the visit; local avoids the zones; relative modifies the work (zones = take care here). */
    kind: ContraindicationKind,
    condition: Condition,
    zones: Type.Optional(ZoneSpec),
    precaution: Localized,
    /** Who should see the patient before treatment; required for whole_session rules (checked by a test). */
    referral: Type.Optional(Type.Object({ urgency: Urgency, referTo: Localized }, strict)),
    /** A precaution a physician must clear before the first session (cancer under treatment, uncontrolled blood pressure). */
    requiresClearance: Type.Optional(Type.Boolean()),
    rationale: Type.Optional(Type.String()),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type ContraindicationRule = Static<typeof ContraindicationRule>;

export const EndangermentSite = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    name: Localized,
    structures: Localized,
    /** Body-chart zones the site lies in (or, where the chart has no zone of its own, borders). */
    zones: Type.Array(ZoneId, { minItems: 1 }),
    note: Type.Optional(Localized),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type EndangermentSite = Static<typeof EndangermentSite>;

/**
 * Urgency is a property of the whole picture: when `when` holds, any of `flags` raised is made at
 * least `urgency`, and `because` is named in the referral (a fracture in a patient on blood thinners).
 */
export const Combination = Type.Object(
  {
    id: Type.String({ pattern: '^COMBO_[A-Z0-9_]+$' }),
    flags: Type.Array(RedFlagId, { minItems: 1 }),
    when: Condition,
    urgency: Urgency,
    because: Localized,
    rationale: Type.Optional(Type.String()),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type Combination = Static<typeof Combination>;

/** Message templates; `{name}`, `{questions}`, `{precaution}`, `{suspects}`, `{reasons}`, `{because}` are filled in by the screener. */
export const RedFlagFile = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    description: Type.String(),
    messages: Type.Object(
      {
        unknownQuestion: Localized,
        referralReason: Localized,
        notRuledOutSuffix: Localized,
        /** The emergency outcome: call 998 now, with the reason named. */
        emergencyAction: Localized,
        combinationReason: Localized,
      },
      strict,
    ),
    rules: Type.Array(RedFlagRule, { minItems: 1 }),
    combinations: Type.Array(Combination),
    /** Free-text answers the rules cannot read, shown to the clinician with the screen. */
    clinicianFreeText: Type.Array(LinkId),
  },
  strict,
);
export type RedFlagFile = Static<typeof RedFlagFile>;

export const ContraindicationFile = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    description: Type.String(),
    messages: Type.Object({ unknownQuestion: Localized, zonesNotGiven: Localized }, strict),
    rules: Type.Array(ContraindicationRule, { minItems: 1 }),
    endangermentSites: Type.Array(EndangermentSite, { minItems: 1 }),
  },
  strict,
);
export type ContraindicationFile = Static<typeof ContraindicationFile>;
