import { Type, type Static, type TString } from '@sinclair/typebox';

/**
 * The one shape of text the clinic shows in both its languages. Fields named in the public
 * contract keep their old shape (a service's `name`); anything new that is shown to people in
 * two languages is a `LocalizedText`.
 */
export const LocalizedText = Type.Object({ en: Type.String(), ar: Type.String() }, { description: 'Text in English and Arabic' });
export type LocalizedText = Static<typeof LocalizedText>;

/** A `LocalizedText` in a request body, each language checked by `text` (a length limit, `NonBlankText`). */
export function LocalizedTextIn(text: TString) {
  return Type.Object({ en: text, ar: text }, { additionalProperties: false, description: 'Text in English and Arabic' });
}
