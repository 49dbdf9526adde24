import { describe, expect, it } from 'vitest';
import { lazyResources, resources as bundled } from './i18n-resources.ts';

/** Every namespace, bundled or loaded on demand, in both languages. */
const lazy = await Promise.all(Object.entries(lazyResources).map(async ([ns, load]) => [ns, { en: await load.en(), ar: await load.ar() }] as const));
const resources = {
  en: { ...bundled.en, ...Object.fromEntries(lazy.map(([ns, text]) => [ns, text.en])) } as Record<string, unknown>,
  ar: { ...bundled.ar, ...Object.fromEntries(lazy.map(([ns, text]) => [ns, text.ar])) } as Record<string, unknown>,
};

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a locale as [dotted key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node === 'string' || Array.isArray(node)) return [[prefix, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  return [[prefix, node]];
}

/** Keys with plural suffixes folded together: Arabic has six plural forms where English has two. */
const baseKeys = (locale: unknown) => [...new Set(leaves(locale).map(([key]) => key.replace(PLURAL, '')))].sort();

describe('translations', () => {
  const namespaces = Object.keys(resources.en);

  it('registers the same namespaces in English and Arabic, the lazy ones included', () => {
    expect(Object.keys(resources.ar).sort()).toEqual([...namespaces].sort());
    expect(namespaces).toEqual(
      expect.arrayContaining(['common', 'errors', 'frame', 'bodyChart', 'booking', 'clinical', 'intake', 'safety', 'outcomes', 'staff', 'treatment']),
    );
  });

  describe.each(namespaces)('namespace %s', (ns) => {
    it('has the same keys in English and Arabic', () => {
      expect(baseKeys(resources.ar[ns])).toEqual(baseKeys(resources.en[ns]));
    });

    it.each(['en', 'ar'] as const)('has no empty text in %s', (language) => {
      const empty = leaves(resources[language][ns]).filter(([, value]) =>
        Array.isArray(value)
          ? value.length === 0 || value.some((item) => typeof item !== 'string' || !item.trim())
          : typeof value !== 'string' || !value.trim(),
      );
      expect(empty.map(([key]) => key)).toEqual([]);
    });

    it('gives every Arabic plural its "other" form', () => {
      const keys = leaves(resources.ar[ns]).map(([key]) => key);
      const plurals = new Set(keys.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      expect([...plurals].filter((base) => !keys.includes(`${base}_other`))).toEqual([]);
    });

    it('uses the same {{placeholders}} in English and Arabic', () => {
      const placeholders = (value: unknown) => [...new Set(String(value).match(/\{\{\s*[\w.]+/g) ?? [])].map((p) => p.replace(/\s/g, '')).sort();
      const arabic = new Map(leaves(resources.ar[ns]).map(([key, value]) => [key.replace(PLURAL, ''), value]));
      const differ = leaves(resources.en[ns])
        .filter(([key, value]) => {
          const ar = arabic.get(key.replace(PLURAL, ''));
          return typeof value === 'string' && typeof ar === 'string' && !key.match(PLURAL) && placeholders(value).join() !== placeholders(ar).join();
        })
        .map(([key]) => key);
      expect(differ).toEqual([]);
    });
  });
});
