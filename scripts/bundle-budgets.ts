/**
 * Bundle budgets over Vite's build manifest (dist/.vite/manifest.json): the JavaScript a page needs
 * before it can render is the entry chunk, the page's own chunk, and everything either imports
 * statically (what the browser modulepreloads). Lazy chunks a page may ask for later do not count.
 *
 * Targets from issue 13, and the budgets CI holds: a public page at most 100 KB gzipped (a phone on a
 * slow network), a staff page at most 300 KB gzipped (the staff route table and frame included).
 * The public pages meet it because the browser build runs the app on Preact (packages/web/vite.config.ts)
 * and loads what a first screen does not show later (the staff route table, the intake's body chart and
 * consent). The home page the server sends as HTML with no script at all (SERVER_RENDERED_PAGES, when
 * the build has its renderer in dist-ssr). /book's first step is drawn by the server and its script
 * starts after the first paint (web-pages.ts, load-app-after-paint.js), but the script is still what
 * the page needs to be used: it counts here. So does the text a page's route loads with it (its
 * translation namespaces, `PageText`), in the heavier of English and Arabic.
 */

import type { PageText } from './page-text.ts';

/** One chunk of https://vite.dev/guide/backend-integration (the fields this script reads). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const KB = 1024;
export const PUBLIC_TARGET = 100 * KB;
export const PUBLIC_BUDGET = PUBLIC_TARGET;
export const STAFF_BUDGET = 300 * KB;

/** Pages anyone may open without signing in: the site, booking, and the patients' own links. */
export const PUBLIC_PAGES = [
  /features\/public-booking\/pages\//,
  /features\/intake\/pages\/patient-intake-page\.tsx$/,
  /features\/treatment\/pages\/aftercare-page\.tsx$/,
  /features\/patient-measures\/pages\//,
  /features\/portal\/pages\/portal-(page|link-page)\.tsx$/,
  /features\/referrals\/pages\/public-refer-page\.tsx$/,
];
/**
 * Public pages the server renders to HTML and sends without the app's script (packages/web/src/app/public-pages,
 * packages/server/src/lib/web-pages.ts): opened from outside, they load no JavaScript. In the app (a
 * click from /book back to the home page) the entry is already there.
 */
export const SERVER_RENDERED_PAGES = [/features\/public-booking\/pages\/home-page\.tsx$/];
// A staff page also needs the staff route table (its own chunk, app.tsx) and the staff frame.
const STAFF_FRAME = /app\/(staff-frame\/staff-frame|staff-app-routes)\.tsx$/;
const PAGE = /\/pages\/[\w-]+-page\.tsx$|\/[\w-]+-page\.tsx$/;

export interface BudgetRow {
  page: string;
  kind: 'public' | 'staff';
  files: number;
  /** Scripts and text together. */
  gzipBytes: number;
  /** Of which text: the page's namespaces in `textLanguage`, the heavier language. */
  textBytes: number;
  textLanguage: string;
  budgetBytes: number;
  /** The target, where it is below the budget CI enforces. */
  targetBytes: number;
  /** Sent as HTML by the server, with no script: nothing to download before it shows. */
  serverRendered: boolean;
  ok: boolean;
}

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk "${key}"`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    stack.push(...(chunk.imports ?? []));
  }
  return files;
}

/**
 * The heavier language's text for these namespaces: [bytes, language]. A namespace's chunk that is not
 * in the manifest was bundled into a chunk that imports it statically (some staff editors list the
 * English keys), which is counted where it is; a namespace with no chunk in either language means the
 * registry and the build disagree, and throws.
 */
function heaviestText(manifest: Manifest, gzipSize: (file: string) => number, text: PageText, namespaces: readonly string[]): [number, string] {
  for (const namespace of namespaces) {
    const keys = [...(text.chunks.get(namespace)?.values() ?? [])];
    if (keys.length > 0 && !keys.some((key) => manifest[key])) throw new Error(`manifest has no text chunk for "${namespace}" (${keys.join(', ')})`);
  }
  let heaviest: [number, string] = [0, ''];
  for (const language of ['en', 'ar']) {
    const bytes = namespaces.reduce((sum, namespace) => {
      const chunk = manifest[text.chunks.get(namespace)?.get(language) ?? ''];
      return chunk ? sum + gzipSize(chunk.file) : sum;
    }, 0);
    if (bytes > heaviest[0]) heaviest = [bytes, language];
  }
  return heaviest;
}

/**
 * One row per page: public pages are measured with the entry, staff pages with the entry and the
 * staff route table and frame; with `text`, each adds the text its route loads (the frame's too, for
 * a staff page); with `serverRendered` (the build has the server-side renderer), SERVER_RENDERED_PAGES
 * count nothing. Throws when the manifest has no entry or no page, so a broken build cannot pass.
 */
export function checkBudgets(manifest: Manifest, gzipSize: (file: string) => number, options: { serverRendered?: boolean; text?: PageText } = {}): BudgetRow[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('manifest has no entry chunk');
  const frame = Object.keys(manifest).filter((key) => STAFF_FRAME.test(key));
  const pages = Object.keys(manifest).filter((key) => manifest[key]?.isDynamicEntry && PAGE.test(key));
  if (!pages.some((key) => PUBLIC_PAGES.some((pattern) => pattern.test(key)))) throw new Error('manifest has no public page');
  return pages.sort().map((page) => {
    const kind = PUBLIC_PAGES.some((pattern) => pattern.test(page)) ? 'public' : 'staff';
    const serverRendered = options.serverRendered === true && SERVER_RENDERED_PAGES.some((pattern) => pattern.test(page));
    const files = serverRendered ? new Set<string>() : staticClosure(manifest, kind === 'public' ? [...entries, page] : [...entries, ...frame, page]);
    const namespaces = serverRendered ? [] : [...new Set([page, ...(kind === 'staff' ? frame : [])].flatMap((key) => options.text?.pages.get(key) ?? []))];
    const [textBytes, textLanguage] = options.text ? heaviestText(manifest, gzipSize, options.text, namespaces) : [0, ''];
    const gzipBytes = [...files].reduce((sum, file) => sum + gzipSize(file), 0) + textBytes;
    const budgetBytes = serverRendered ? PUBLIC_TARGET : kind === 'public' ? PUBLIC_BUDGET : STAFF_BUDGET;
    const targetBytes = kind === 'public' ? PUBLIC_TARGET : STAFF_BUDGET;
    return {
      page: page.replace(/^.*?src\//, ''),
      kind,
      files: files.size,
      gzipBytes,
      textBytes,
      textLanguage,
      budgetBytes,
      targetBytes,
      serverRendered,
      ok: gzipBytes <= budgetBytes,
    };
  });
}

function result(row: BudgetRow): string {
  if (!row.ok) return 'OVER BUDGET';
  if (row.serverRendered) return 'ok (server HTML, no script)';
  return row.gzipBytes > row.targetBytes ? 'ok, over target' : 'ok';
}

/** A plain-text table, over-budget rows first. */
export function formatBudgetTable(rows: readonly BudgetRow[]): string {
  const sorted = [...rows].sort((a, b) => Number(a.ok) - Number(b.ok) || b.gzipBytes / b.budgetBytes - a.gzipBytes / a.budgetBytes);
  const width = Math.max(4, ...rows.map((row) => row.page.length));
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`.padStart(9);
  const lines = [`${'page'.padEnd(width)}  kind    files    gzip JS  of it text     budget     target  result`];
  for (const row of sorted) {
    const text = `${kb(row.textBytes)} ${row.textLanguage || '  '}`;
    lines.push(
      `${row.page.padEnd(width)}  ${row.kind.padEnd(6)}  ${String(row.files).padStart(5)}  ${kb(row.gzipBytes)}  ${text}  ${kb(row.budgetBytes)}  ${kb(row.targetBytes)}  ${result(row)}`,
    );
  }
  return lines.join('\n');
}
