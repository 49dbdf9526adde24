import { Type, type Static } from '@sinclair/typebox';
import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import type { IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import { LocalizedText } from '../common/localized-text.schemas.ts';
import { NonBlankText } from '../common/text.schemas.ts';
import { Nullable } from '../clinical/patients.schemas.ts';

export const Urgency = Type.Union([Type.Literal('emergency'), Type.Literal('same_day'), Type.Literal('soon')]);
export type Urgency = Static<typeof Urgency>;
export const ReviewDecision = Type.Union([Type.Literal('clear'), Type.Literal('clear_with_precautions'), Type.Literal('refer')]);
export type ReviewDecision = Static<typeof ReviewDecision>;
export const ScreeningOutcome = Type.Union([Type.Literal('proceed'), Type.Literal('proceed_with_precautions'), Type.Literal('refer_before_treatment')]);
export type ScreeningOutcome = Static<typeof ScreeningOutcome>;
export const GateBlock = Type.Union([
  Type.Literal('identity_check_required'),
  Type.Literal('consent_required'),
  Type.Literal('screening_required'),
  Type.Literal('physician_clearance_required'),
  Type.Literal('referred_by_physician'),
  Type.Literal('referral_result_pending'),
]);
export type GateBlock = Static<typeof GateBlock>;

/** Whether a treatment session may start (domain/safety/decide-treatment-gate.ts). */
export const TreatmentGateOut = Type.Object({ allowed: Type.Boolean(), blocks: Type.Array(GateBlock), withPrecautions: Type.Boolean() });
export type TreatmentGateOut = Static<typeof TreatmentGateOut>;

/** Whether trigger-point reasoning may run (domain/safety/decide-reasoning-state.ts): suspended while a red flag stands. */
export const ReasoningOut = Type.Union([
  Type.Object({ status: Type.Literal('active') }),
  Type.Object({
    status: Type.Literal('suspended'),
    cause: Type.Union([Type.Literal('screen_refers'), Type.Literal('referred_by_physician')]),
    reason: LocalizedText,
    redFlags: Type.Array(Type.Object({ id: Type.String(), name: LocalizedText })),
  }),
]);
export type ReasoningOut = Static<typeof ReasoningOut>;

const PainReading = Type.Object({ date: Type.String(), pain: Type.Number({ description: 'NPRS 0–10' }) });
/** Weeks without a 2-point NPRS change prompt re-assessment or referral (domain/safety/check-improvement.ts). */
export const ImprovementOut = Type.Union([
  Type.Object({
    status: Type.Union([Type.Literal('too_early'), Type.Literal('no_data'), Type.Literal('improving')]),
    weeks: Type.Number(),
    change: Type.Optional(Type.Number()),
  }),
  Type.Object({ status: Type.Literal('reassess'), weeks: Type.Number(), change: Type.Number(), baseline: PainReading, latest: PainReading }),
]);
export type ImprovementOut = Static<typeof ImprovementOut>;

export const Referral = Type.Object(
  { to: NonBlankText({ maxLength: 300 }), tests: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }), urgency: Urgency },
  { additionalProperties: false },
);
export type Referral = Static<typeof Referral>;

/** POST /api/staff/patients/:id/reviews: a physician's decision on the latest screen. */
export const ReviewIn = Type.Object(
  {
    decision: ReviewDecision,
    notes: Type.String({ maxLength: 4000 }),
    precautions: Type.Optional(Type.Array(NonBlankText({ maxLength: 500 }), { maxItems: 20 })),
    referral: Type.Optional(Referral),
  },
  { additionalProperties: false },
);
export type ReviewIn = Static<typeof ReviewIn>;

/** The review as recorded: what was sent, its id and time. */
export const ReviewRecordedOut = Type.Object({
  id: Type.String(),
  decision: ReviewDecision,
  notes: Type.String(),
  precautions: Type.Optional(Type.Array(Type.String())),
  referral: Type.Optional(Referral),
  at: Type.String({ format: 'date-time' }),
});
export type ReviewRecordedOut = Static<typeof ReviewRecordedOut>;

export const ReviewOut = Type.Object({
  id: Type.String(),
  decision: ReviewDecision,
  notes: Type.String(),
  precautions: Type.Array(Type.String()),
  referral: Nullable(Referral),
  at: Type.String({ format: 'date-time' }),
  physicianName: Type.String(),
  /** Set when a patient merge moved this review here from another record. */
  mergedFromPatientId: Nullable(Type.String()),
});
export type ReviewOut = Static<typeof ReviewOut>;

/** GET /api/staff/patients/:id/safety: everything a clinician needs on the patient's safety. */
export const SafetyOut = Type.Object({
  gate: TreatmentGateOut,
  reasoning: ReasoningOut,
  /** Precaution rules a physician must clear before the first session. */
  clearanceRequired: Type.Array(Type.String()),
  screening: Nullable(
    Type.Object({
      id: Type.String(),
      outcome: ScreeningOutcome,
      result: Type.Unsafe<ScreeningResult>({
        description: 'the stored screening result (domain/screening/screening-result.ts), as it was written when screened',
      }),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  answers: Type.Record(Type.String(), Type.Unsafe<IntakeAnswerValue>({ description: 'an intake answer: boolean, number, text or a list of codes' })),
  reviews: Type.Array(ReviewOut),
  /** The physician decision in force; after a patient merge it may not be the newest review. */
  standingReviewId: Nullable(Type.String()),
  consent: Nullable(Type.Object({ version: Type.String(), signedAt: Type.String({ format: 'date-time' }), typedName: Type.String(), current: Type.Boolean() })),
  improvement: ImprovementOut,
});
export type SafetyOut = Static<typeof SafetyOut>;

/** GET /api/staff/reviews: the physician's queue, most urgent first. */
export const ReviewQueueEntryOut = Type.Object({
  patientId: Type.String(),
  patientName: Type.String(),
  outcome: ScreeningOutcome,
  /** The queue's order: emergency, same_day, soon, then clearance-needed precautions, then precautions. */
  urgency: Type.Union([Urgency, Type.Literal('clearance'), Type.Literal('precautions')]),
  redFlags: Type.Array(Type.Object({ id: Type.String(), name: LocalizedText, urgency: Urgency })),
  screenedAt: Type.String({ format: 'date-time' }),
  nextVisit: Nullable(Type.String({ format: 'date-time' })),
});
export type ReviewQueueEntryOut = Static<typeof ReviewQueueEntryOut>;
export const ReviewQueueOut = Type.Array(ReviewQueueEntryOut);

/** A precaution carried onto the session: a screening rule's text, or a physician's own words (the same in both languages). */
export const SessionPrecaution = LocalizedText;
/** POST /api/staff/appointments/:id/sessions: 201 when started, 200 when it already was. */
export const SessionStartedOut = Type.Object({
  id: Type.String(),
  created: Type.Boolean(),
  precautions: Type.Optional(Type.Array(SessionPrecaution)),
});
export type SessionStartedOut = Static<typeof SessionStartedOut>;
