import { escapeHtml } from './html-text.ts';

/**
 * What the page at an address needs first, fetched beside the app's entry instead of after it has
 * run: the page's own chunk with its static imports (found in the build's manifest) and its first
 * API reads. Only addresses people open from outside (a link in an email, a search result) are worth it.
 */
const FIRST_NEEDS: Record<string, { chunk: string; data: string[] }> = {
  // The services are in the page itself (first-screen-data.ts).
  '/book': { chunk: 'src/features/public-booking/pages/book-page.tsx', data: ['/api/practitioners'] },
};

export interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** The files a chunk needs before it runs: itself and its static imports (as scripts/bundle-budgets.ts counts them). */
function chunkFiles(manifest: Record<string, ManifestChunk>, key: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const stack = [key];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    const chunk = manifest[next];
    if (seen.has(next) || !chunk) continue;
    seen.add(next);
    files.push(chunk.file);
    stack.push(...(chunk.imports ?? []));
  }
  return files;
}

/** <link> elements that start the page's chunk and first reads at once; files the template already loads are left out. */
export function preloadLinks(template: string, manifest: Record<string, ManifestChunk> | undefined, path: string): string[] {
  const needs = FIRST_NEEDS[path];
  if (!needs) return [];
  const scripts = manifest ? chunkFiles(manifest, needs.chunk).filter((file) => file.endsWith('.js') && !template.includes(`/${file}"`)) : [];
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`),
    ...needs.data.map((url) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(url)}">`),
  ];
}
