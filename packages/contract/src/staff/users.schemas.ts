import { Type, type Static } from '@sinclair/typebox';
import { StaffRoleSchema } from '../auth/auth.schemas.ts';

/** Staff management for admins: invite, deactivate and reactivate, reset password, reset two-factor. */
export const StaffUserIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const StaffAccount = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: StaffRoleSchema,
  practitionerId: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  passwordSet: Type.Boolean(),
  twoFactorEnabled: Type.Boolean(),
  twoFactorExempt: Type.Boolean(),
  createdAt: Type.String(),
});
export type StaffAccount = Static<typeof StaffAccount>;

export const InviteIn = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: StaffRoleSchema,
    practitionerId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type InviteIn = Static<typeof InviteIn>;

export const InvitedOut = Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: StaffRoleSchema });
export type InvitedOut = Static<typeof InvitedOut>;

export const ActiveSetOut = Type.Object({ id: Type.String(), active: Type.Boolean() });
export type ActiveSetOut = Static<typeof ActiveSetOut>;
export const ResetSentOut = Type.Object({ sent: Type.Literal(true) });
export type ResetSentOut = Static<typeof ResetSentOut>;
export const TwoFactorResetOut = Type.Object({ reset: Type.Literal(true) });
export type TwoFactorResetOut = Static<typeof TwoFactorResetOut>;
