import { Type, type Static } from '@sinclair/typebox';

/**
 * The one shape of text the clinic shows in both its languages. Fields named in the public
 * contract keep their old shape (a service's `name`); anything new that is shown to people in
 * two languages is a `LocalizedText`.
 */
export const LocalizedText = Type.Object({ en: Type.String(), ar: Type.String() }, { description: 'Text in English and Arabic' });
export type LocalizedText = Static<typeof LocalizedText>;
