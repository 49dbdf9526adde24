import type { StaffRole } from '@myomap/domain/access/permissions';
import { Type, type Static } from '@sinclair/typebox';

/** The roles of the permission table (domain/access/permissions.ts); the check below keeps the two lists equal. */
export const StaffRoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('reception'), Type.Literal('therapist'), Type.Literal('physician')]);
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatchPermissionTable: Same<Static<typeof StaffRoleSchema>, StaffRole> = true;
void rolesMatchPermissionTable;

/** The signed-in staff member: the one shape the server sends and the web app reads. */
export const StaffUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: StaffRoleSchema,
  practitionerId: Type.Union([Type.String(), Type.Null()]),
});
export type StaffUser = Static<typeof StaffUserSchema>;

export const StageSchema = Type.Union([Type.Literal('active'), Type.Literal('two_factor'), Type.Literal('enrol')]);
export type SignInStage = Static<typeof StageSchema>;

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
export type SessionResponse = Static<typeof SessionResponse>;

/** "Who am I": a signed-in session (full, or enrolment-only), always with its user. */
export const CurrentSession = Type.Object({
  stage: Type.Union([Type.Literal('active'), Type.Literal('enrol')]),
  csrfToken: Type.String(),
  user: StaffUserSchema,
  twoFactor: TwoFactorStatus,
});
export type CurrentSession = Static<typeof CurrentSession>;

export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const NewPassword = Type.String({ minLength: 1, maxLength: 1000 });
export const Code = Type.String({ minLength: 1, maxLength: 40 });

export const LoginIn = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }), password: Password });
export type LoginIn = Static<typeof LoginIn>;
export const TwoFactorCodeIn = Type.Object({ code: Code });
export type TwoFactorCodeIn = Static<typeof TwoFactorCodeIn>;

export const SignedOutOut = Type.Object({ signedOut: Type.Literal(true) });
export type SignedOutOut = Static<typeof SignedOutOut>;
