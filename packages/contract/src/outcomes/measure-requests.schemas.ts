import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '../common/localized-text.schemas.ts';

/**
 * Patients answer their due measures from a link (issue 11): staff make one for the clinic's
 * tablet; the appointment reminder and the aftercare check-in carry one when measures are due.
 * The link's page reads the questions (GET) and sends the answers once (POST).
 */

const Language = Type.Union([Type.Literal('en'), Type.Literal('ar')]);

export const MeasureRequestIn = Type.Object(
  {
    /** Default: what the schedule says is due now and the patient can answer alone. */
    instrumentIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 10, uniqueItems: true })),
    /** The language the page opens in; default: the patient's preferred language. */
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type MeasureRequestIn = Static<typeof MeasureRequestIn>;

export const MeasureRequestOut = Type.Object({
  url: Type.String({ description: 'The page the patient (or the clinic tablet) opens; carries the one-time token' }),
  expiresAt: Type.String({ description: 'ISO 8601 instant' }),
  instruments: Type.Array(Type.String()),
});
export type MeasureRequestOut = Static<typeof MeasureRequestOut>;

export const MeasureTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) });
export type MeasureTokenParams = Static<typeof MeasureTokenParams>;

const Anchors = Type.Object({ min: LocalizedText, max: LocalizedText });

export const MeasureFormItem = Type.Object({
  /** The item id, or for PSFS the activity in the patient's own words (also its `text`). */
  id: Type.String(),
  text: LocalizedText,
  min: Type.Integer(),
  max: Type.Integer(),
  anchors: Type.Optional(Anchors),
});
export type MeasureFormItem = Static<typeof MeasureFormItem>;

export const MeasureFormInstrument = Type.Object({
  id: Type.String(),
  name: LocalizedText,
  instructions: LocalizedText,
  /** PSFS: the items are the activities the patient named at baseline, to re-rate today. */
  patientSpecific: Type.Boolean(),
  items: Type.Array(MeasureFormItem),
});
export type MeasureFormInstrument = Static<typeof MeasureFormInstrument>;

export const MeasureStatus = Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('expired')]);
export type MeasureStatus = Static<typeof MeasureStatus>;

/** What to answer. A completed or expired link lists no questions. */
export const MeasureFormOut = Type.Object({
  status: MeasureStatus,
  language: Language,
  expiresAt: Type.String(),
  clinicName: LocalizedText,
  instruments: Type.Array(MeasureFormInstrument),
});
export type MeasureFormOut = Static<typeof MeasureFormOut>;

export const MeasureAnswersIn = Type.Object(
  {
    language: Language,
    /** instrument id → item id (PSFS: the activity) → answer; null or absent = skipped, never 0. */
    answers: Type.Record(
      Type.String({ minLength: 1, maxLength: 40 }),
      Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.Union([Type.Integer({ minimum: -100, maximum: 100 }), Type.Null()]), {
        maxProperties: 40,
      }),
      { maxProperties: 10 },
    ),
  },
  { additionalProperties: false },
);
export type MeasureAnswersIn = Static<typeof MeasureAnswersIn>;

export const MeasureAnswersOut = Type.Object({
  status: Type.Literal('completed'),
  /** The measures stored; an instrument with every question skipped is not stored (not measured). */
  recorded: Type.Array(Type.String()),
});
export type MeasureAnswersOut = Static<typeof MeasureAnswersOut>;
