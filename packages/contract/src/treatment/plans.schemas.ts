import { Type, type Static } from '@sinclair/typebox';
import { PlanData } from '@myomap/domain/treatment/treatment-schemas';
import { IsoWithOffset } from '../bookings/bookings.schemas.ts';
import { CoSignField, OverridesIn, StoredOverrideOut } from './treatment-common.schemas.ts';

/** Treatment plans: propose from an assessment, edit the draft, approve, co-sign, book the series. */

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('awaiting_cosign'), Type.Literal('approved')]);
export type PlanStatus = Static<typeof PlanStatus>;

const Instant = Type.String({ description: 'ISO 8601 instant' });
const NullableInstant = Type.Union([Instant, Type.Null()]);

export const PlanIn = Type.Object({ data: PlanData, overrides: OverridesIn, coSign: CoSignField }, { additionalProperties: false });
export type PlanIn = Static<typeof PlanIn>;

export const PlanAppointmentOut = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  start: Type.String({ description: "ISO 8601 with the clinic's offset" }),
  status: Type.String(),
});
export type PlanAppointmentOut = Static<typeof PlanAppointmentOut>;

export const PlanOut = Type.Object({
  id: Type.String(),
  patientId: Type.String(),
  patientName: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  assessmentId: Type.String(),
  status: PlanStatus,
  data: PlanData,
  requiresCosign: Type.Boolean(),
  /** Names of the staff who approved and co-signed. */
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  approvedAt: NullableInstant,
  cosignedBy: Type.Union([Type.String(), Type.Null()]),
  cosignedAt: NullableInstant,
  createdAt: Instant,
  updatedAt: Instant,
  /** The latest booked series of visits for this plan. */
  seriesId: Type.Union([Type.String(), Type.Null()]),
  /** Overrides of the patient's precautions, with who and why: the co-signing physician reads them here. */
  overrides: Type.Array(StoredOverrideOut),
  appointments: Type.Array(PlanAppointmentOut),
});
export type PlanOut = Static<typeof PlanOut>;

export const PlanSummaryOut = Type.Object({
  id: Type.String(),
  status: PlanStatus,
  createdAt: Instant,
  requiresCosign: Type.Boolean(),
  assessmentId: Type.String(),
});
export type PlanSummaryOut = Static<typeof PlanSummaryOut>;
export const PlanListOut = Type.Array(PlanSummaryOut);

export const SeriesIn = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 100 }),
    practitionerId: Type.String({ minLength: 1, maxLength: 100 }),
    firstStart: IsoWithOffset,
    count: Type.Integer({ minimum: 1, maximum: 26 }),
    intervalDays: Type.Integer({ minimum: 1, maximum: 60 }),
    dryRun: Type.Boolean(),
    /** Visit index ("0".."25") → the time chosen instead of a clashing one. */
    choices: Type.Optional(Type.Record(Type.String({ pattern: '^\\d{1,2}$' }), IsoWithOffset)),
  },
  { additionalProperties: false },
);
export type SeriesIn = Static<typeof SeriesIn>;

export const SeriesVisitOut = Type.Object({
  index: Type.Integer(),
  requested: Type.String({ description: "ISO 8601 with the clinic's offset" }),
  status: Type.Union([Type.Literal('free'), Type.Literal('clash'), Type.Literal('booked')]),
  /** Up to three free times nearest the requested one, for a clash. */
  alternatives: Type.Array(Type.String()),
  booked: Type.Optional(Type.Object({ id: Type.String(), reference: Type.String(), start: Type.String() })),
});
export type SeriesVisitOut = Static<typeof SeriesVisitOut>;

/** A preview (200, `dryRun: true`) or the booked series (201, with `seriesId`). */
export const SeriesOut = Type.Object({
  dryRun: Type.Boolean(),
  seriesId: Type.Optional(Type.String()),
  visits: Type.Array(SeriesVisitOut),
});
export type SeriesOut = Static<typeof SeriesOut>;
