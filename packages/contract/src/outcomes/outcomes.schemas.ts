import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { DischargeReason as DischargeReasonId } from '@myomap/domain/outcomes/decide-episode-status';
import { Instrument } from '@myomap/domain/outcomes/instrument-schemas';
import { NonBlankText } from '../common/text.schemas.ts';

/** Episodes of care, measures and the outcome report (issue 11). */

const Id = Type.String({ minLength: 1, maxLength: 100 });
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD in the clinic’s time zone' });
const EpisodeStatus = Type.Union([Type.Literal('open'), Type.Literal('discharged'), Type.Literal('dropped_out')]);
const DischargeReason = Type.Union([Type.Literal('goals_met'), Type.Literal('plateau'), Type.Literal('referred_on'), Type.Literal('patient_choice')]);
// The contract's list is the domain's list: adding a reason in one place and not the other fails typecheck.
const sameReasons: [Static<typeof DischargeReason>, DischargeReasonId] extends [DischargeReasonId, Static<typeof DischargeReason>] ? true : never = true;
void sameReasons;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const InstrumentOut = Type.Composite([
  Instrument,
  Type.Object({ enabled: Type.Boolean({ description: 'Free, or licensed and the clinic holds the licence' }) }),
]);
export type InstrumentOut = Static<typeof InstrumentOut>;

export const EpisodeIn = Type.Object(
  {
    complaint: NonBlankText({ maxLength: 200, description: 'The complaint in a few words, e.g. “right-sided neck pain”' }),
    region: Type.String({ minLength: 1, maxLength: 60, description: 'A protocol region id (GET /api/protocols)' }),
    primaryInstrumentId: Type.String({ minLength: 1, maxLength: 40, description: 'The measure the outcome is judged on' }),
    practitionerId: Type.Optional(Id),
    assessmentId: Type.Optional(Id),
    startedOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type EpisodeIn = Static<typeof EpisodeIn>;

export const EpisodeOut = Type.Object({
  id: Type.String(),
  patientId: Type.String(),
  complaint: Type.String(),
  region: Type.String(),
  practitionerId: Nullable(Type.String()),
  assessmentId: Nullable(Type.String()),
  primaryInstrumentId: Type.String(),
  startedOn: Type.String(),
  status: EpisodeStatus,
  endedOn: Nullable(Type.String()),
  dischargeReason: Nullable(DischargeReason),
});
export type EpisodeOut = Static<typeof EpisodeOut>;

export const DischargeIn = Type.Object({ reason: DischargeReason }, { additionalProperties: false });

export const MeasurementIn = Type.Object(
  {
    instrumentId: Type.String({ minLength: 1, maxLength: 40 }),
    language: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
    /** Item id (or, for PSFS, the activity in the patient's words) → answer; null = not answered. */
    answers: Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.Union([Type.Integer({ minimum: -100, maximum: 100 }), Type.Null()]), {
      maxProperties: 40,
    }),
    /** Entered by a clinician in the note (default), or by the patient on the clinic's tablet. */
    source: Type.Optional(Type.Union([Type.Literal('clinician'), Type.Literal('clinic_tablet')])),
  },
  { additionalProperties: false },
);
export type MeasurementIn = Static<typeof MeasurementIn>;

export const MeasurementOut = Type.Object({
  id: Type.String(),
  episodeId: Type.String(),
  instrumentId: Type.String(),
  instrumentVersion: Type.String(),
  language: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
  takenOn: Type.String(),
  answers: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
  score: Nullable(Type.Number({ description: 'null: answered, but not computable under the missing-item rule' })),
  missingItems: Type.Array(Type.String()),
  missingHandling: Nullable(Type.Union([Type.Literal('complete'), Type.Literal('prorated')])),
  source: Type.Union([Type.Literal('patient_link'), Type.Literal('clinic_tablet'), Type.Literal('clinician')]),
});
export type MeasurementOut = Static<typeof MeasurementOut>;

const Change = Type.Object({
  change: Type.Number(),
  improvement: Type.Number({ description: 'Positive = better, whatever the scale’s direction' }),
  threshold: Nullable(Type.Number({ description: 'max(MCID, MDC)' })),
  direction: Type.Union([Type.Literal('improved'), Type.Literal('worsened'), Type.Literal('no_meaningful_change'), Type.Literal('no_threshold')]),
  activities: Type.Optional(Type.Array(Type.String())),
});

const Goal = Type.Object({
  goal: Type.Object({
    measure: Type.Union([Type.Literal('nprs'), Type.Literal('psfs')]),
    activity: Type.Optional(Type.String()),
    baseline: Type.Number(),
    target: Type.Number(),
  }),
  status: Type.Union([Type.Literal('met'), Type.Literal('not_met'), Type.Literal('not_yet_measured')]),
  latest: Type.Optional(Type.Object({ on: Type.String(), value: Type.Number() })),
});

const Scored = Type.Object({ on: Type.String(), score: Type.Number() });

/** What an episode asks for now (domain/outcomes/plan-measure-schedule.ts). */
export const MeasureScheduleOut = Type.Object({
  regionInstrumentId: Nullable(Type.String({ description: 'The region-specific measure used; null when none is enabled for the region' })),
  everyVisits: Type.Integer({ description: 'The region measure and PSFS are re-taken every this many visits (a clinic setting)' }),
  visits: Type.Integer({ description: 'Visits in the episode so far' }),
  atVisit: Type.Integer({ description: 'The visit this schedule is for' }),
  due: Type.Array(
    Type.Object({
      instrumentId: Type.String(),
      reason: Type.Union([Type.Literal('baseline'), Type.Literal('every_visit'), Type.Literal('review'), Type.Literal('discharge')]),
      activities: Type.Optional(Type.Array(Type.String(), { description: 'PSFS: the baseline activities to re-rate' })),
      patientCanAnswer: Type.Boolean({ description: 'false: the clinician takes it (a PSFS baseline names activities with the patient)' }),
    }),
  ),
  skipped: Type.Array(Type.Object({ instrumentId: Type.String(), reason: Type.Literal('not_licensed') })),
  nextReviewAtVisit: Nullable(Type.Integer()),
  atDischarge: Type.Array(Type.String(), { description: 'Measures due when the episode is discharged (the global rating of change)' }),
});
export type MeasureScheduleOut = Static<typeof MeasureScheduleOut>;

export const EpisodeProgressOut = Type.Object({
  episode: EpisodeOut,
  effectiveStatus: EpisodeStatus,
  series: Type.Array(
    Type.Object({
      instrumentId: Type.String(),
      measurements: Type.Array(Type.Composite([MeasurementOut, Type.Object({ changeFromBaseline: Nullable(Change) })])),
    }),
  ),
  goals: Type.Array(Goal),
  progress: Type.Object({
    status: Type.Union([
      Type.Literal('no_baseline'),
      Type.Literal('no_follow_up'),
      Type.Literal('improving'),
      Type.Literal('too_early'),
      Type.Literal('reassess'),
    ]),
    weeks: Type.Integer(),
    change: Type.Optional(Change),
    baseline: Type.Optional(Scored),
    latest: Type.Optional(Scored),
  }),
  schedule: MeasureScheduleOut,
  visits: Type.Array(
    Type.Object({
      on: Type.String({ description: 'The clinic’s date of the treatment session' }),
      sessionId: Type.String(),
      techniques: Type.Array(Type.String(), { description: 'Technique ids the visit’s note records as done' }),
    }),
    { description: 'Treatment sessions from the episode’s start to its end (or today), for the progress chart’s time axis' },
  ),
});
export type EpisodeProgressOut = Static<typeof EpisodeProgressOut>;

export const ReportQuery = Type.Object({ from: DateOnly, to: DateOnly }, { additionalProperties: false });

const Groups = Type.Object({
  responder: Type.Integer(),
  non_responder: Type.Integer(),
  no_follow_up: Type.Integer(),
  dropped_out: Type.Integer(),
  in_care: Type.Integer(),
});
const Rate = Type.Object({
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  rate: Nullable(Type.Number()),
  ci95: Nullable(Type.Object({ low: Type.Number(), high: Type.Number() })),
});
const Row = Type.Object({ key: Type.String(), started: Type.Integer(), groups: Groups, successRate: Rate });

export const OutcomeReportOut = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  started: Type.Integer({ description: 'Every episode started in the period: the denominator (intention to treat)' }),
  groups: Groups,
  successRate: Rate,
  droppedOutImprovedAtLastMeasure: Type.Integer(),
  medianImprovement: Type.Array(Type.Object({ instrumentId: Type.String(), n: Type.Integer(), median: Type.Number() })),
  daysToMeaningfulChange: Type.Object({ n: Type.Integer(), median: Nullable(Type.Number()) }),
  breakdowns: Type.Object({ region: Type.Array(Row), complaint: Type.Array(Row), practitioner: Type.Array(Row), visits: Type.Array(Row) }),
  dropOutWeeks: Type.Integer(),
});
export type OutcomeReportOut = Static<typeof OutcomeReportOut>;
