import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { checkBudgets, formatBudgetTable, PUBLIC_PAGES, staticClosure, type Manifest } from './bundle-budgets.ts';
import { readPageText } from './page-text.ts';

/**
 * `tsx scripts/check-bundle-budgets.ts [dist]`: after `npm run build`, prints each page's initial
 * JavaScript and the text its route loads with it (gzip level 9, as the build's precompressed .gz
 * files; the text in the heavier of English and Arabic) against its budget and exits 1
 * when any page is over. `npm test` runs it between the build and the tests, so CI fails on it.
 */
const dist = process.argv[2] ?? fileURLToPath(new URL('../packages/web/dist', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Manifest;
// The server renders the home page itself when the web build wrote its renderer (packages/web: vite build --ssr).
const serverRendered = existsSync(`${dist}/../dist-ssr/render-public-page.js`);
const text = readPageText(fileURLToPath(new URL('../packages/web', import.meta.url)));
const rows = checkBudgets(manifest, (file) => gzipSync(readFileSync(`${dist}/${file}`), { level: 9 }).length, { serverRendered, text });
console.log(formatBudgetTable(rows));
const over = rows.filter((row) => !row.ok);

// The knowledge base stays on the server (issue 13): no browser file may carry its muscles (a few ids are
// also nerve sites, such as scalenes or supinator, hence the margin).
const muscleIds = readdirSync(fileURLToPath(new URL('../knowledge-base/muscles', import.meta.url)))
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) =>
    (JSON.parse(readFileSync(fileURLToPath(new URL(`../knowledge-base/muscles/${name}`, import.meta.url)), 'utf8')) as { id: string }[]).map((m) => m.id),
  );
const withKnowledgeBase = readdirSync(`${dist}/assets`).filter((file) => {
  if (!file.endsWith('.js')) return false;
  const text = readFileSync(`${dist}/assets/${file}`, 'utf8');
  return muscleIds.filter((id) => text.includes(`"${id}"`) || text.includes(`'${id}'`) || text.includes(`\`${id}\``)).length > 20;
});
if (withKnowledgeBase.length > 0) {
  console.error(`\nThe knowledge base's muscles are in browser files: ${withKnowledgeBase.join(', ')}`);
  process.exit(1);
}
// A public page's first download never carries the bundled intake questionnaire (the browser gets the
// questionnaire from the API): it reached the intake through default arguments once (17.6 KB gzip).
type Item = { linkId: string; item?: Item[] };
const linkIds = (items: Item[]): string[] => items.flatMap((item) => [item.linkId, ...linkIds(item.item ?? [])]);
const questionnaireIds = linkIds(
  (JSON.parse(readFileSync(fileURLToPath(new URL('../knowledge-base/intake/intake-questionnaire.json', import.meta.url)), 'utf8')) as { item: Item[] }).item,
);
const carriesQuestionnaire = (file: string) => {
  const text = readFileSync(`${dist}/${file}`, 'utf8');
  return questionnaireIds.filter((id) => ['"', "'", '`'].some((quote) => text.includes(`${quote}${id}${quote}`))).length > questionnaireIds.length / 2;
};
const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
const publicWithQuestionnaire = Object.keys(manifest)
  .filter((key) => manifest[key]?.isDynamicEntry && PUBLIC_PAGES.some((pattern) => pattern.test(key)))
  .filter((page) => [...staticClosure(manifest, [...entries, page])].some(carriesQuestionnaire));
if (publicWithQuestionnaire.length > 0) {
  console.error(`\nThe bundled intake questionnaire is in the first download of: ${publicWithQuestionnaire.join(', ')}`);
  process.exit(1);
}
if (over.length > 0) {
  console.error(`\n${over.length} page(s) over budget: ${over.map((row) => row.page).join(', ')}`);
  process.exit(1);
}
console.log(`\nAll ${rows.length} pages within budget.`);
