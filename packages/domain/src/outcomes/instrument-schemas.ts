import { Type, type Static } from '@sinclair/typebox';
import { Localized, Source } from '../knowledge/knowledge-schemas.ts';

/**
 * An outcome measure as data (knowledge-base/outcomes/instruments.json): its items in both
 * languages, how it is scored and how missing items are handled, its range and direction, the
 * change that matters (MCID) and the change that is beyond measurement error (MDC), each with
 * its source, and its licence. Scoring code (score-measure.ts) interprets the `scoring` block and
 * never hard-codes an instrument.
 */

export const InstrumentItem = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    /** The question as shown. Licensed instruments ship the section name only; the licensee supplies the wording. */
    text: Localized,
    min: Type.Integer(),
    max: Type.Integer(),
    /** What the lowest and highest answers mean, shown beside the scale. */
    anchors: Type.Optional(Type.Object({ min: Localized, max: Localized }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type InstrumentItem = Static<typeof InstrumentItem>;

export const ScoringMethod = Type.Union([
  /** The one item's answer. */
  Type.Literal('single'),
  /** Sum of the items (LEFS). */
  Type.Literal('sum'),
  /** Mean of the answered items (PSFS). */
  Type.Literal('mean'),
  /** sum / (item max × answered) × 100 (NDI, ODI): missing sections are prorated. */
  Type.Literal('percent_of_answered'),
  /** ((sum / answered) − 1) × 25 (QuickDASH). */
  Type.Literal('quickdash'),
]);
export type ScoringMethod = Static<typeof ScoringMethod>;

export const Threshold = Type.Object(
  {
    value: Type.Number({ exclusiveMinimum: 0 }),
    sources: Type.Array(Source, { minItems: 1 }),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const Licence = Type.Object(
  {
    /**
     * free: anyone may use it; free_clinical_use: free in clinical use, with a copyright notice to
     * keep; licence_required: a clinic must hold a licence before enabling it.
     */
    status: Type.Union([Type.Literal('free'), Type.Literal('free_clinical_use'), Type.Literal('licence_required')]),
    holder: Type.String({ minLength: 1 }),
    terms: Type.String({ minLength: 10 }),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const Instrument = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    version: Type.String({ minLength: 1 }),
    name: Localized,
    /** What it measures: a pain intensity, a function score, or the patient's rating of change. */
    construct: Type.Union([Type.Literal('pain'), Type.Literal('function'), Type.Literal('global_change')]),
    /** Body regions it is made for (protocol region ids); empty means any region. */
    regions: Type.Array(Type.String({ minLength: 1 })),
    instructions: Localized,
    /** Fixed items; for a patient-specific scale these are empty and `patientSpecific` is set. */
    items: Type.Array(InstrumentItem),
    /** PSFS: the patient names 1–5 activities at baseline and rates the same ones at follow-up. */
    patientSpecific: Type.Optional(
      Type.Object(
        {
          minItems: Type.Integer({ minimum: 1 }),
          maxItems: Type.Integer({ minimum: 1 }),
          min: Type.Integer(),
          max: Type.Integer(),
          anchors: Type.Object({ min: Localized, max: Localized }),
        },
        { additionalProperties: false },
      ),
    ),
    scoring: Type.Object(
      {
        method: ScoringMethod,
        /** How many items may be missing and still give a score; more missing = not computable. */
        maxMissing: Type.Integer({ minimum: 0 }),
        rule: Localized,
        sources: Type.Array(Source, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    range: Type.Object({ min: Type.Number(), max: Type.Number() }, { additionalProperties: false }),
    /** true for function scales (LEFS, PSFS); false for pain and disability (NPRS, NDI, ODI, QuickDASH). */
    higherIsBetter: Type.Boolean(),
    unit: Type.Union([Type.Literal('points'), Type.Literal('percent')]),
    /** Minimal clinically important difference; absent where none is established. */
    mcid: Type.Optional(Threshold),
    /** Minimal detectable change (90% confidence); absent where none is published for this use. */
    mdc: Type.Optional(Threshold),
    /** For a global rating of change: the answer at or beyond which the patient reports a meaningful improvement. */
    responderAnswer: Type.Optional(Threshold),
    licence: Licence,
    /** A licensed instrument is off until a clinic that holds the licence turns it on. */
    enabledByDefault: Type.Boolean(),
    /** Whether the Arabic wording is a published, validated translation or our working translation. */
    arabic: Type.Object(
      { status: Type.Union([Type.Literal('validated'), Type.Literal('working'), Type.Literal('licensee_supplies')]), note: Type.String({ minLength: 5 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Instrument = Static<typeof Instrument>;
