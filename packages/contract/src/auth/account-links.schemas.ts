import { Type, type Static } from '@sinclair/typebox';
import { NewPassword } from './auth.schemas.ts';

/** One-time staff account links: first-run setup, invitation, password reset. */
export const LinkTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });

export const LinkInfo = Type.Object({
  purpose: Type.Union([Type.Literal('setup'), Type.Literal('invite'), Type.Literal('reset')]),
  email: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
});
export type LinkInfo = Static<typeof LinkInfo>;

/** The setup link also names the first admin; invitations and resets already have an account. */
export const UseLinkIn = Type.Object(
  {
    password: NewPassword,
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type UseLinkIn = Static<typeof UseLinkIn>;

export const LinkUsedOut = Type.Object({ userId: Type.String(), email: Type.Union([Type.String(), Type.Null()]) });
export type LinkUsedOut = Static<typeof LinkUsedOut>;
