import type { Localized } from '../knowledge/knowledge-schemas.ts';

/**
 * A session's precautions in the one shape for two-language text, `{ en, ar }`. The screen's
 * precautions come in both languages; a physician's are the text they wrote, shown as written in
 * both. Sessions started before this was one shape stored that text as a bare string, and
 * sessions started before precautions were stored have none, so the reader accepts both.
 */
export function sessionPrecautions(stored: unknown): Localized[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((p: unknown): Localized[] => {
    if (typeof p === 'string') return p === '' ? [] : [{ en: p, ar: p }];
    if (typeof p === 'object' && p !== null && typeof (p as { en?: unknown }).en === 'string') {
      const { en, ar } = p as { en: string; ar?: unknown };
      if (en === '') return [];
      return [{ en, ar: typeof ar === 'string' && ar !== '' ? ar : en }];
    }
    return [];
  });
}
