/**
 * The extension URLs the intake questionnaire uses, apart from its TypeBox schemas
 * (questionnaire-schemas.ts) so that the browser can read them without loading TypeBox.
 */

/** Arabic text of an item, an answer option or the resource (see the header note in the questionnaire). */
export const TEXT_AR_EXTENSION = 'https://myomap.example/fhir/text-ar';
/**
 * A retired item is no longer asked (the form hides it while it has no answer), but an answer given
 * before it was retired is still read by the rules: stored responses stay valid. valueString says why.
 */
export const RETIRED_EXTENSION = 'https://myomap.example/fhir/retired';
export const ITEM_CONTROL_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
