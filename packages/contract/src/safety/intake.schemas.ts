import { Type, type Static } from '@sinclair/typebox';
import { ConsentText } from '@myomap/domain/screening/questionnaire-schemas';
import type { Questionnaire, QuestionnaireResponse } from '@myomap/domain/screening/questionnaire-schemas';
import { NonBlankText } from '../common/text.schemas.ts';
import { Language } from '../clinical/patients.schemas.ts';
import { ScreeningOutcome } from './safety.schemas.ts';

/**
 * The intake, by the patient's booking link (reference + manage token) or by staff at reception
 * (by appointment id). The questionnaire and answers are FHIR documents (domain/screening/
 * questionnaire-schemas.ts), sent as they are.
 */

export const IntakeSaveIn = Type.Object(
  { response: Type.Unknown({ description: 'a FHIR QuestionnaireResponse; checked against the questionnaire by the server' }), language: Language },
  { additionalProperties: false },
);
export type IntakeSaveIn = Static<typeof IntakeSaveIn>;

export const ConsentIn = Type.Object(
  {
    version: Type.String({ maxLength: 20 }),
    language: Language,
    typedName: NonBlankText({ minLength: 2, maxLength: 200 }),
    // A drawn signature from a canvas: a PNG data URL, at most ~300 kB.
    signature: Type.String({ pattern: '^data:image/png;base64,[A-Za-z0-9+/=]+$', minLength: 100, maxLength: 400_000 }),
  },
  { additionalProperties: false },
);
export type ConsentIn = Static<typeof ConsentIn>;

export const IntakeStatus = Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('submitted')]);
export type IntakeStatus = Static<typeof IntakeStatus>;

export const IntakeViewOut = Type.Object({
  questionnaire: Type.Unsafe<Questionnaire>({ description: 'the FHIR Questionnaire in force' }),
  response: Type.Unsafe<QuestionnaireResponse | null>({ description: 'the FHIR QuestionnaireResponse saved so far, or null' }),
  /** Set for reception: the intake has answers, withheld because they are medical history (permission intake.clinical.read). */
  answersHidden: Type.Boolean(),
  status: IntakeStatus,
  savedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  consent: Type.Object({
    version: Type.String(),
    texts: Type.Array(ConsentText),
    signed: Type.Boolean(),
    signedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
});
export type IntakeViewOut = Static<typeof IntakeViewOut>;

export const IntakeSavedOut = Type.Object({ savedAt: Type.String({ format: 'date-time' }), missingRequired: Type.Array(Type.String()) });
export type IntakeSavedOut = Static<typeof IntakeSavedOut>;

export const IntakeSubmittedOut = Type.Object({
  outcome: ScreeningOutcome,
  /** Set when a red flag needs care sooner than the visit: the patient is told what to do now. */
  urgentCare: Type.Union([Type.Literal('emergency'), Type.Literal('same_day'), Type.Null()]),
});
export type IntakeSubmittedOut = Static<typeof IntakeSubmittedOut>;

export const ConsentSignedOut = Type.Object({ id: Type.String(), version: Type.String(), signedAt: Type.String({ format: 'date-time' }) });
export type ConsentSignedOut = Static<typeof ConsentSignedOut>;
