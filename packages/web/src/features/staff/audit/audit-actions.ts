import { en } from './locales/en.ts';

type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];

/** Every action code the audit log has words for: its dots are the nesting of `actions` in the locale. */
export type AuditActionCode = Paths<typeof en.actions>;

/** True when the code has a phrase in the locale (old rows may hold a code no longer written). */
export function isAuditActionCode(code: string): code is AuditActionCode {
  let node: unknown = en.actions;
  for (const part of code.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** All codes with a phrase, for the action filter. */
export function auditActionCodes(node: object = en.actions, prefix = ''): AuditActionCode[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}` as AuditActionCode] : auditActionCodes(value as object, `${prefix}${key}.`),
  );
}
