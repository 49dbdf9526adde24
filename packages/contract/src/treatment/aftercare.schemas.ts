import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '../common/localized-text.schemas.ts';

/** Aftercare: the patient's check-in link (token), and the alerts an adverse answer raises for staff. */

/** Answers that may signal an adverse event (clinical-reference §6 "call back / seek care if"). */
export const URGENT_SIGNS = [
  'calf_swelling',
  'dark_urine',
  'new_weakness',
  'numbness_tingling',
  'spreading_bruising',
  'chest_pain_breathless',
  'severe_soreness',
] as const;
export type UnexpectedSign = (typeof URGENT_SIGNS)[number];

export const AftercareTokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

export const CheckinStatus = Type.Union([Type.Literal('pending'), Type.Literal('answered'), Type.Literal('not_yet_open')]);

export const AftercareOut = Type.Object({
  patientName: Type.String(),
  visitDate: Type.String({ description: "ISO 8601 with the clinic's offset" }),
  clinicPhone: Type.String(),
  advice: LocalizedText,
  checkin: Type.Object({ status: CheckinStatus, dueAt: Type.String({ description: 'ISO 8601 instant' }) }),
});
export type AftercareOut = Static<typeof AftercareOut>;

export const AftercareAnswerIn = Type.Object(
  {
    soreness: Type.Integer({ minimum: 0, maximum: 10 }),
    relief: Type.Union([Type.Literal('none'), Type.Literal('some'), Type.Literal('a_lot')]),
    unexpected: Type.Array(Type.Union(URGENT_SIGNS.map((s) => Type.Literal(s))), { maxItems: URGENT_SIGNS.length, uniqueItems: true }),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AftercareAnswerIn = Static<typeof AftercareAnswerIn>;

export const AftercareAnswerOut = Type.Object({ answered: Type.Boolean(), adverse: Type.Boolean() });
export type AftercareAnswerOut = Static<typeof AftercareAnswerOut>;

export const AlertIdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** An adverse check-in's facts: the soreness score, the urgent signs ticked (codes), the patient's own words. */
export const AdverseCheckinAlertParams = Type.Object({
  soreness: Type.Number(),
  unexpected: Type.Array(Type.String()),
  notes: Type.Union([Type.String(), Type.Null()]),
});
export type AdverseCheckinAlertParams = Static<typeof AdverseCheckinAlertParams>;
/** No meaningful improvement: the episode's complaint (as typed), the measure, weeks, and first and latest scores. */
export const ProgressAlertParams = Type.Object({
  complaint: Type.String(),
  instrumentId: Type.String(),
  weeks: Type.Number(),
  baseline: Type.Number(),
  latest: Type.Number(),
});
export type ProgressAlertParams = Static<typeof ProgressAlertParams>;

export const StaffAlertOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  patientId: Type.Union([Type.String(), Type.Null()]),
  patientName: Type.Union([Type.String(), Type.Null()]),
  /** English text, kept for alerts written before params existed; the web prefers kind + params. */
  message: Type.String(),
  params: Type.Optional(Type.Union([AdverseCheckinAlertParams, ProgressAlertParams, Type.Null()])),
  createdAt: Type.String({ description: 'ISO 8601 instant' }),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
export type StaffAlertOut = Static<typeof StaffAlertOut>;
export const StaffAlertListOut = Type.Array(StaffAlertOut);

export const AlertReadOut = Type.Object({ read: Type.Boolean() });
export type AlertReadOut = Static<typeof AlertReadOut>;
