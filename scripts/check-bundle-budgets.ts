import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { checkBudgets, formatBudgetTable, type Manifest } from './bundle-budgets.ts';

/**
 * `tsx scripts/check-bundle-budgets.ts [dist]`: after `npm run build`, prints each page's initial
 * JavaScript (gzip level 9, as the build's precompressed .gz files) against its budget and exits 1
 * when any page is over. `npm test` runs it between the build and the tests, so CI fails on it.
 */
const dist = process.argv[2] ?? fileURLToPath(new URL('../packages/web/dist', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Manifest;
const rows = checkBudgets(manifest, (file) => gzipSync(readFileSync(`${dist}/${file}`), { level: 9 }).length);
console.log(formatBudgetTable(rows));
const over = rows.filter((row) => !row.ok);
if (over.length > 0) {
  console.error(`\n${over.length} page(s) over budget: ${over.map((row) => row.page).join(', ')}`);
  process.exit(1);
}
console.log(`\nAll ${rows.length} pages within budget.`);
