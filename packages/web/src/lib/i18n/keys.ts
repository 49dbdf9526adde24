/**
 * True when `key` is one of the keys of `dictionary`, a part of an English locale file. It narrows
 * a string from the API or the domain to the union of known keys, so a template key such as
 * t(`nerve.sites.${site}`) is checked against the locale at compile time.
 */
export function isKeyOf<T extends object>(dictionary: T, key: string | undefined): key is Extract<keyof T, string> {
  return key !== undefined && Object.hasOwn(dictionary, key);
}

/** True when `value` is one of `values`: narrows a code from the API to a union, for a typed t(`prefix.${code}`) key. */
export function isOneOf<const T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value != null && (values as readonly string[]).includes(value);
}
