import { Type } from '@sinclair/typebox';

export const StaffUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  practitionerId: Type.Union([Type.String(), Type.Null()]),
});

export const StageSchema = Type.Union([Type.Literal('active'), Type.Literal('two_factor'), Type.Literal('enrol')]);

export const TwoFactorStatus = Type.Object({ enabled: Type.Boolean(), required: Type.Boolean() });

/**
 * A sign-in answer. `stage` says what comes next: 'active' is signed in; 'two_factor' asks for
 * a code (no user yet); 'enrol' may only set up two-factor sign-in.
 */
export const SessionResponse = Type.Object({
  stage: StageSchema,
  csrfToken: Type.String(),
  user: Type.Optional(StaffUserSchema),
  twoFactor: Type.Optional(TwoFactorStatus),
});

export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const NewPassword = Type.String({ minLength: 1, maxLength: 1000 });
export const Code = Type.String({ minLength: 1, maxLength: 40 });
