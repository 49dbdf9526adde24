import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '../common/localized-text.schemas.ts';
import { Nullable, PatientOut } from '../clinical/patients.schemas.ts';
import { ReviewDecision, ScreeningOutcome, TreatmentGateOut } from '../safety/safety.schemas.ts';

/** The patient fields a merge chooses between, field by field. */
export const MERGE_FIELDS = ['name', 'email', 'phone', 'dateOfBirth', 'sex', 'preferredLanguage', 'emergencyContactName', 'emergencyContactPhone'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const PatientIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const MergePreviewQuery = Type.Object({ duplicateId: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

const Side = Type.Union([Type.Literal('kept'), Type.Literal('duplicate')]);
export const MergeBody = Type.Object(
  {
    duplicateId: Type.String({ minLength: 1, maxLength: 100 }),
    /** Field by field, whose value survives; a field left out keeps the kept record's value. */
    keep: Type.Optional(
      Type.Partial(
        Type.Object(Object.fromEntries(MERGE_FIELDS.map((f) => [f, Side])) as Record<(typeof MERGE_FIELDS)[number], typeof Side>, {
          additionalProperties: false,
        }),
      ),
    ),
    /** Staff confirm they checked the person's identity (e.g. photo ID or a call to the known number). */
    identityChecked: Type.Literal(true),
  },
  { additionalProperties: false },
);

export const MatchReason = Type.Union([Type.Literal('email'), Type.Literal('phone'), Type.Literal('name'), Type.Literal('date_of_birth')]);
export type MatchReason = Static<typeof MatchReason>;
export const MatchStrength = Type.Union([Type.Literal('strong'), Type.Literal('weak')]);

/** GET /api/staff/patient-duplicates: self-registered records, each with the existing patients it may be. */
export const DuplicateEntryOut = Type.Object({
  patient: PatientOut,
  matches: Type.Array(Type.Object({ patientId: Type.String(), reasons: Type.Array(MatchReason), strength: MatchStrength, patient: PatientOut })),
});
export type DuplicateEntryOut = Static<typeof DuplicateEntryOut>;
export const DuplicatesOut = Type.Array(DuplicateEntryOut);

/** Rows by kind (assessments, consents, …): what a record holds, or what a merge moved. */
const CountsOut = Type.Record(Type.String(), Type.Integer());

/** One side of the merge screen. Reception sees what exists (counts); clinicians also see the safety state. */
export const MergeSideOut = Type.Object({
  patient: PatientOut,
  appointments: Type.Array(
    Type.Object({ id: Type.String(), reference: Type.String(), start: Type.String(), status: Type.String(), serviceName: LocalizedText }),
  ),
  intake: Type.Object({ submitted: Type.Integer(), inProgress: Type.Integer() }),
  counts: CountsOut,
  safety: Nullable(
    Type.Object({
      screeningOutcome: Nullable(ScreeningOutcome),
      physicianDecision: Nullable(Type.Object({ decision: ReviewDecision, at: Type.String({ format: 'date-time' }), physicianName: Type.String() })),
      gate: TreatmentGateOut,
    }),
  ),
});
export type MergeSideOut = Static<typeof MergeSideOut>;

export const MergePreviewOut = Type.Object({
  kept: MergeSideOut,
  duplicate: MergeSideOut,
  match: Nullable(Type.Object({ reasons: Type.Array(MatchReason), strength: MatchStrength })),
});
export type MergePreviewOut = Static<typeof MergePreviewOut>;

export const MergedOut = Type.Object({ mergeId: Type.String(), patient: PatientOut, moved: CountsOut });
export type MergedOut = Static<typeof MergedOut>;
