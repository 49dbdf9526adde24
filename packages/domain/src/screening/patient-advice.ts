import { Type, type Static } from '@sinclair/typebox';
import adviceJson from '../../../../knowledge-base/screening/patient-advice.json' with { type: 'json' };
import { Localized, Source } from '../knowledge/knowledge-schemas.ts';

/**
 * Patient-facing safety text, from one data file: the public page, the intake and the emails read
 * it, so "what do I do if…" has one answer everywhere. Each sign carries example intake answers;
 * patient-advice.test.ts screens them and checks the action is the one the rules decide.
 */
export const AdviceAction = Type.Union([Type.Literal('call_998'), Type.Literal('see_doctor_today'), Type.Literal('see_doctor_first'), Type.Literal('tell_us')]);
export type AdviceAction = Static<typeof AdviceAction>;

const strict = { additionalProperties: false } as const;
const Item = Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), text: Localized }, strict);

export const AdviceSign = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    action: AdviceAction,
    ruleIds: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    /** Intake answers (over the clean case intake) that show this sign. */
    answers: Type.Record(Type.String(), Type.Union([Type.Boolean(), Type.Number(), Type.String()])),
    text: Localized,
    /** Also listed in the after-session advice. */
    afterSession: Type.Boolean(),
  },
  strict,
);
export type AdviceSign = Static<typeof AdviceSign>;

export const PatientAdviceFile = Type.Object(
  {
    version: Type.String({ minLength: 1 }),
    description: Type.String(),
    signs: Type.Array(AdviceSign, { minItems: 1 }),
    callClinic: Type.Array(Item),
    aftercare: Type.Array(Item),
    reliefDuration: Localized,
    sources: Type.Array(Source, { minItems: 1 }),
  },
  strict,
);
export type PatientAdviceFile = Static<typeof PatientAdviceFile>;

/** Validated by patient-advice.test.ts; the cast is safe because that test fails otherwise. */
export const patientAdvice = adviceJson as unknown as PatientAdviceFile;

/** The signs for one action, in file order (e.g. everything that means "call 998 now"). */
export function signsFor(action: AdviceAction, options: { afterSession?: boolean } = {}): AdviceSign[] {
  return patientAdvice.signs.filter((sign) => sign.action === action && (!options.afterSession || sign.afterSession));
}
