import { Type, type Static } from '@sinclair/typebox';
import { NewPassword, Password } from './auth.schemas.ts';

/** Each signed-in user's own account: password and two-factor sign-in. */
export const ChangePasswordIn = Type.Object({ currentPassword: Password, newPassword: NewPassword });
export type ChangePasswordIn = Static<typeof ChangePasswordIn>;
export const PasswordChangedOut = Type.Object({ changed: Type.Literal(true) });
export type PasswordChangedOut = Static<typeof PasswordChangedOut>;

export const PasswordIn = Type.Object({ password: Password });
export type PasswordIn = Static<typeof PasswordIn>;

export const TwoFactorStatusOut = Type.Object({ enabled: Type.Boolean(), required: Type.Boolean(), recoveryCodesLeft: Type.Integer() });
export type TwoFactorStatusOut = Static<typeof TwoFactorStatusOut>;

/** The new TOTP secret, as text, an otpauth:// URI and a QR code (SVG) of it. */
export const TwoFactorSetupOut = Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String() });
export type TwoFactorSetupOut = Static<typeof TwoFactorSetupOut>;

export const RecoveryCodesOut = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export type RecoveryCodesOut = Static<typeof RecoveryCodesOut>;

/** Enrolment done: the recovery codes (shown once) and the CSRF token of the (possibly new) session. */
export const TwoFactorEnabledOut = Type.Object({ recoveryCodes: Type.Array(Type.String()), csrfToken: Type.String() });
export type TwoFactorEnabledOut = Static<typeof TwoFactorEnabledOut>;

export const TwoFactorDisabledOut = Type.Object({ enabled: Type.Literal(false) });
export type TwoFactorDisabledOut = Static<typeof TwoFactorDisabledOut>;
