import { Type, type Static } from '@sinclair/typebox';
import { PrecautionItem, PrecautionOverride } from '@myomap/domain/treatment/precaution-schemas';

/** Pieces every treatment route shares: the id in the path, the co-sign flag, recorded overrides. */

export const TreatmentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export type TreatmentIdParams = Static<typeof TreatmentIdParams>;

/** Author-only drafts: anyone else acting on one says so, and the co-sign is audited. */
export const CoSignField = Type.Optional(
  Type.Boolean({ description: 'Set when a clinician other than the author edits, signs or approves the draft; audited as a co-sign.' }),
);

/** A body that is only the optional co-sign flag (sign a note, approve a plan); the body itself may be absent. */
export const CoSignIn = Type.Optional(Type.Object({ coSign: CoSignField }, { additionalProperties: false }));
export type CoSignIn = Static<typeof CoSignIn>;

/** New overrides sent with a save: each keeps a row a precaution would change, with a reason. */
export const OverridesIn = Type.Optional(Type.Array(PrecautionOverride, { maxItems: 100 }));

/** A recorded override of a patient's precaution: what, why, who and when (append-only). */
export const StoredOverrideOut = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  item: PrecautionItem,
  /** The item's stable key (rule id + item), which later saves match against. */
  itemKey: Type.String(),
  reason: Type.String(),
  /** The name of the staff member who overrode. */
  by: Type.String(),
  role: Type.String(),
  at: Type.String({ description: 'ISO 8601 instant' }),
});
export type StoredOverrideOut = Static<typeof StoredOverrideOut>;
