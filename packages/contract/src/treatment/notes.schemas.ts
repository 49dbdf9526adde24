import { Type, type Static } from '@sinclair/typebox';
import { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import { LocalizedText } from '../common/localized-text.schemas.ts';
import { NonBlankText } from '../common/text.schemas.ts';
import { CoSignField, OverridesIn, StoredOverrideOut } from './treatment-common.schemas.ts';

/** Session notes: open from the session, edit the draft, sign, add addenda once signed. */

export const NoteStatus = Type.Union([Type.Literal('draft'), Type.Literal('signed')]);
export type NoteStatus = Static<typeof NoteStatus>;

export const NoteIn = Type.Object({ data: NoteData, overrides: OverridesIn, coSign: CoSignField }, { additionalProperties: false });
export type NoteIn = Static<typeof NoteIn>;

export const AddendumIn = Type.Object({ text: NonBlankText({ maxLength: 4000 }) }, { additionalProperties: false });
export type AddendumIn = Static<typeof AddendumIn>;

/** The note of a session: 201 when it was just started, 200 when it already existed. */
export const NoteRefOut = Type.Object({ id: Type.String() });
export type NoteRefOut = Static<typeof NoteRefOut>;

export const AddendumOut = Type.Object({
  id: Type.String(),
  text: Type.String(),
  authorName: Type.String(),
  at: Type.String({ description: 'ISO 8601 instant' }),
});
export type AddendumOut = Static<typeof AddendumOut>;

export const NoteOut = Type.Object({
  id: Type.String(),
  status: NoteStatus,
  data: NoteData,
  signedAt: Type.Union([Type.String(), Type.Null()]),
  /** The name of the clinician who signed. */
  signedBy: Type.Union([Type.String(), Type.Null()]),
  authorId: Type.String(),
  authorName: Type.String(),
  patientId: Type.String(),
  patientName: Type.String(),
  sessionId: Type.String(),
  appointment: Type.Object({
    id: Type.String(),
    start: Type.String({ description: "ISO 8601 with the clinic's offset" }),
    service: LocalizedText,
  }),
  /**
   * The precautions in force when the session started: the screen's in both languages, a
   * physician's as written (the same text under `en` and `ar`).
   */
  precautions: Type.Array(LocalizedText),
  addenda: Type.Array(AddendumOut),
  overrides: Type.Array(StoredOverrideOut),
});
export type NoteOut = Static<typeof NoteOut>;
