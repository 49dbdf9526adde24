/// <reference types="node" />
// The web app has no Node types; this test reads the source tree from disk.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quoted, readPageText } from '../../../../scripts/page-text.ts';
import { resources } from '../app/i18n-resources.ts';

// A route loads its page's module and text before it renders (lib/lazy-page.ts), so that no
// navigation suspends. The text is the list given to lazyPage; a namespace missing from it would
// suspend the page after all. This checks each list against the namespaces that the page and every
// module it imports statically ask for. Chunks the page imports on demand (import()) have their own
// Suspense boundary and are not counted.
const WEB = fileURLToPath(new URL('../../', import.meta.url));

// Bundled in both languages (app/i18n-resources.ts): never waited for.
const ALWAYS_LOADED = new Set(Object.keys(resources.ar).filter((namespace) => namespace in resources.en));

/** The namespaces one module's components ask for: useTranslation('x'), useTranslation(['x', 'y']), useTranslation(). */
export function namespacesIn(source: string): string[] {
  const found = [...source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'[^']*')/g)].flatMap((call) => quoted(call[1]));
  return /useTranslation\(\s*\)/.test(source) ? [...found, 'common'] : found;
}

/** Relative modules imported statically (import … from, export … from, import '…'), not import(). */
export function staticImports(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^'";]*?(?:\bfrom\s+)?'(\.[^']+)'/gm)].map((match) => match[1] ?? '');
}

function namespacesOfModule(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const namespace of namespacesIn(source)) found.add(namespace);
  for (const target of staticImports(source)) {
    const path = resolve(dirname(file), target);
    if (/\.tsx?$/.test(path) && existsSync(path)) for (const namespace of namespacesOfModule(path, seen)) found.add(namespace);
  }
  return found;
}

interface DeclaredPage {
  where: string;
  module: string;
  declared: string[];
}

/** Each module loaded with lazyPage and the namespaces declared for it, read as the budget script reads them. */
function declaredPages(): DeclaredPage[] {
  return [...readPageText(WEB).pages].map(([module, declared]) => ({ where: module, module: join(WEB, module), declared }));
}

describe('pages load their text before they render', () => {
  it('reads the namespaces and static imports a module names', () => {
    expect(namespacesIn("const { t } = useTranslation(['clinical', 'common']);\nconst a = useTranslation('bodyChart');")).toEqual([
      'clinical',
      'common',
      'bodyChart',
    ]);
    expect(namespacesIn("useTranslation('staff', { keyPrefix: 'accounts' }); useTranslation();")).toEqual(['staff', 'common']);
    expect(staticImports("import { A } from './a.tsx';\nimport './b.css';\nexport { C } from '../c.ts';\nconst D = lazy(() => import('./d.tsx'));")).toEqual([
      './a.tsx',
      './b.css',
      '../c.ts',
    ]);
  });

  it('finds every page loaded on demand', () => {
    // The staff frame, the public pages, the portal and every staff feature's pages.
    expect(declaredPages().length).toBeGreaterThan(45);
  });

  it("declares every namespace a page's components ask for", () => {
    const missing = declaredPages().flatMap((page) => {
      const needed = [...namespacesOfModule(page.module)].filter((namespace) => !ALWAYS_LOADED.has(namespace));
      const absent = needed.filter((namespace) => !page.declared.includes(namespace));
      return absent.length > 0 ? [`${page.where}: ${absent.join(', ')}`] : [];
    });
    expect(missing, 'add these to the lazyPage(…) call, or the page suspends when it first renders').toEqual([]);
  });

  it('declares no namespace the page does not use', () => {
    const unused = declaredPages().flatMap((page) => {
      const needed = namespacesOfModule(page.module);
      const extra = page.declared.filter((namespace) => !needed.has(namespace));
      return extra.length > 0 ? [`${page.where}: ${extra.join(', ')}`] : [];
    });
    expect(unused).toEqual([]);
  });
});
