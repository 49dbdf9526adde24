/** Plural suffixes of i18next (CLDR): Arabic uses all six, English only `one` and `other`. */
export type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * The shape a translation must have to match the English one: the same keys, nested the same
 * way, every value a string (or a list of strings). Plural keys (`count_one`, `count_few`...)
 * are free, because each language has its own plural forms. Used as `ar: Messages<typeof en>`,
 * so a key missing in Arabic, or one English does not have, fails typecheck.
 */
export type Messages<T> = {
  [K in keyof T as K extends `${string}_${PluralSuffix}` ? never : K]: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : Messages<T[K]>;
} & { [plural: `${string}_${PluralSuffix}`]: string };
