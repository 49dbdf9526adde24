import { Type } from '@sinclair/typebox';

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
    keep: Type.Optional(Type.Partial(Type.Object(Object.fromEntries(MERGE_FIELDS.map((f) => [f, Side])) as Record<(typeof MERGE_FIELDS)[number], typeof Side>, { additionalProperties: false }))),
    /** Staff confirm they checked the person's identity (e.g. photo ID or a call to the known number). */
    identityChecked: Type.Literal(true),
  },
  { additionalProperties: false },
);
