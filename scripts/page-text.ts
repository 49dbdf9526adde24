import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What text each page waits for before its first render, read from the web app's source: the
 * namespaces given to `lazyPage(() => import('…'), 'Name', [namespaces])` (packages/web/src/lib/lazy-page.ts,
 * whose test checks each list against the page's own components) and the chunk of each namespace per
 * language (`lazyResources` in packages/web/src/app/i18n-resources.ts). Keys are the build manifest's
 * (`src/…`, relative to packages/web).
 */
export interface PageText {
  /** Manifest key of a page → the namespaces its route loads with it. */
  pages: Map<string, string[]>;
  /** Namespace → language → manifest key of its chunk. */
  chunks: Map<string, Map<string, string>>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The strings in single quotes in a piece of source. */
export const quoted = (text: string | undefined): string[] => [...(text ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');

export function readPageText(webRoot: string): PageText {
  const key = (file: string, target: string) => relative(webRoot, resolve(dirname(file), target));
  const pages = new Map<string, string[]>();
  for (const file of sourceFiles(join(webRoot, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/lazyPage\(\s*\(\) => import\('([^']+)'\),\s*'\w+',\s*\[([^\]]*)\]\s*\)/g)) {
      const page = key(file, call[1] ?? '');
      pages.set(page, [...new Set([...(pages.get(page) ?? []), ...quoted(call[2])])]);
    }
  }
  const registry = join(webRoot, 'src/app/i18n-resources.ts');
  const chunks = new Map<string, Map<string, string>>();
  for (const entry of readFileSync(registry, 'utf8').matchAll(/(\w+): \{\s*en: \(\) => import\('([^']+)'\)[^\n]*\n?\s*ar: \(\) => import\('([^']+)'\)/g)) {
    chunks.set(
      entry[1] ?? '',
      new Map([
        ['en', key(registry, entry[2] ?? '')],
        ['ar', key(registry, entry[3] ?? '')],
      ]),
    );
  }
  return { pages, chunks };
}
