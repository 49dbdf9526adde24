/**
 * Compile-time checks of the typed translation keys (checked by `npm run typecheck`, never run or
 * bundled): if keys stop being typed, the @ts-expect-error lines below fail the typecheck.
 */
import type { TFunction } from 'i18next';

declare const staff: TFunction<'staff'>;
declare const accounts: TFunction<'staff', 'accounts'>;
declare const common: TFunction;

export const typedKeys = [
  staff('signIn.title'),
  accounts('problems.too_short'),
  common('loading'),
  // @ts-expect-error a key the staff namespace does not have
  staff('signIn.typo'),
  // @ts-expect-error a key of another namespace
  common('signIn.title'),
  // @ts-expect-error a dynamic key whose part is any string
  staff(`roles.${String(Math.random())}`),
];
