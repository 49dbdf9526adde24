import { Type, type Static } from '@sinclair/typebox';
import { Localized } from '../knowledge/knowledge-schemas.ts';
import { PrecautionAction } from './precaution-schemas.ts';

/**
 * Treatment plan and session note documents. The server validates them with these schemas
 * and stores them as JSON; signing a note makes it immutable in the database.
 */
const Side = Type.Union([Type.Literal('left'), Type.Literal('right')]);
const Text = (max = 2000) => Type.String({ maxLength: max });
const Id = Type.String({ minLength: 1, maxLength: 80 });

export const TechniqueDose = Type.Object(
  {
    techniqueId: Id,
    /** Parameter id → value, e.g. { pressure: 6, holdSeconds: 10, repetitions: 3 }. */
    parameters: Type.Record(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,40}$' }), Type.Number({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type TechniqueDose = Static<typeof TechniqueDose>;

export const PlanTarget = Type.Object(
  {
    muscleId: Id,
    side: Type.Optional(Side),
    /** Why this muscle is in the plan (palpated active TrP, source-finder candidate, protocol). */
    reason: Text(500),
    techniques: Type.Array(TechniqueDose, { maxItems: 12 }),
  },
  { additionalProperties: false },
);
export type PlanTarget = Static<typeof PlanTarget>;

export const PlanGoal = Type.Object(
  {
    measure: Type.Union([Type.Literal('nprs'), Type.Literal('psfs')]),
    /** The PSFS activity in the patient's words. */
    activity: Type.Optional(Text(200)),
    baseline: Type.Number({ minimum: 0, maximum: 10 }),
    target: Type.Number({ minimum: 0, maximum: 10 }),
  },
  { additionalProperties: false },
);
export type PlanGoal = Static<typeof PlanGoal>;

export const PlanData = Type.Object(
  {
    problems: Type.Array(Type.Object({ title: Text(300), priority: Type.Integer({ minimum: 1, maximum: 100 }) }, { additionalProperties: false }), {
      maxItems: 30,
    }),
    protocolIds: Type.Array(Id, { maxItems: 9 }),
    targets: Type.Array(PlanTarget, { maxItems: 40 }),
    precautions: Type.Array(Text(500), { maxItems: 30 }),
    frequency: Type.Object(
      {
        sessionsPerWeek: Type.Number({ minimum: 0.25, maximum: 5 }),
        weeks: Type.Integer({ minimum: 1, maximum: 26 }),
        totalSessions: Type.Integer({ minimum: 1, maximum: 52 }),
      },
      { additionalProperties: false },
    ),
    goals: Type.Array(PlanGoal, { maxItems: 10 }),
    /** 'YYYY-MM-DD' in the clinic's zone. */
    reassessmentDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    homeProgram: Type.Array(Type.Object({ selfCareId: Id, dose: Text(300) }, { additionalProperties: false }), { maxItems: 20 }),
    notes: Type.Optional(Text(4000)),
    /** Protocol muscles the assessment did not implicate: palpate them; they are not treatment rows. */
    suggestedChecks: Type.Optional(
      Type.Array(Type.Object({ muscleId: Id, side: Type.Optional(Side), protocolId: Id }, { additionalProperties: false }), { maxItems: 60 }),
    ),
    /** What the patient's precautions (and the endangerment sites) removed or capped when the plan was proposed, and why. */
    precautionActions: Type.Optional(Type.Array(PrecautionAction, { maxItems: 300 })),
    positionsToAvoid: Type.Optional(Type.Array(Type.Object({ position: Id, ruleId: Id, label: Localized }, { additionalProperties: false }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type PlanData = Static<typeof PlanData>;

export const AppliedTechnique = Type.Object(
  {
    muscleId: Id,
    side: Type.Optional(Side),
    techniqueId: Id,
    parameters: TechniqueDose.properties.parameters,
    /**
     * Rows start from the visit's plan as not done; only rows the clinician marks are a record of
     * work done. Absent on notes written before this flag existed, where every row was done.
     */
    done: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const NoteData = Type.Object(
  {
    subjective: Type.Object(
      {
        report: Text(4000),
        /**
         * NPRS 0-10 today; null or absent = not measured (never stored as 0, and never defaulted to 0:
         * a default would read as "no pain"). A number is still accepted as before. On signing, a
         * score becomes the visit's NPRS in the open episode (server outcomes/record-note-pain.ts).
         */
        pain: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.Null()])),
        /** Soreness since the last visit, 0–10; null or absent = not measured. */
        sorenessSinceLast: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.Null()])),
      },
      { additionalProperties: false },
    ),
    objective: Type.Object(
      {
        findings: Text(4000),
        painMap: Type.Array(
          Type.Object({ zone: Id, side: Type.Optional(Side), intensity: Type.Integer({ minimum: 0, maximum: 10 }) }, { additionalProperties: false }),
          { maxItems: 120 },
        ),
        triggerPointsTreated: Type.Array(
          Type.Object(
            { muscleId: Id, side: Type.Optional(Side), activity: Type.Union([Type.Literal('active'), Type.Literal('latent')]) },
            { additionalProperties: false },
          ),
          { maxItems: 60 },
        ),
      },
      { additionalProperties: false },
    ),
    assessment: Text(4000),
    plan: Text(4000),
    techniques: Type.Array(AppliedTechnique, { maxItems: 80 }),
    response: Text(2000),
    adverseEvent: Type.Union([
      Type.Null(),
      Type.Object(
        { description: Text(2000), severity: Type.Union([Type.Literal('mild'), Type.Literal('moderate'), Type.Literal('severe')]) },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);
export type NoteData = Static<typeof NoteData>;
