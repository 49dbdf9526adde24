import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startTestServer } from '../e2e/support/test-server.ts';

/*
 * Lighthouse's mobile preset on the education library's article pages (issue 15: performance,
 * accessibility and SEO at least 95), against the real server serving the built app and the real
 * article files. Run `npm run build` first, then `npx tsx bench/education-lighthouse.ts`.
 * Three runs per page; prints the median of each score.
 */
const RUNS = Number(process.env.RUNS ?? 3);
const PORT = process.env.WEB_BENCH_PORT ?? '3103';
const PAGES = process.env.PAGES?.split(',') ?? ['/learn/what-is-nmt', '/learn/trigger-points-referred-pain?lang=ar', '/learn/faq', '/learn', '/team?lang=ar'];
const CATEGORIES = ['performance', 'accessibility', 'seo'] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const server = await startTestServer({ env: { PORT, OUTBOX_INTERVAL_MS: '0' } });
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  for (const path of PAGES) {
    const runs: Record<string, number>[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${server.baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`no Lighthouse result for ${path}`);
      const { categories, audits } = result.lhr;
      runs.push({
        ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])),
        lcp_ms: Math.round(audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
      });
      const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      if (i === 0 && failing.length > 0) console.log(`${path} failing audits: ${failing.map((a) => a.id).join(', ')}`);
    }
    const figures = [...CATEGORIES, 'lcp_ms'].map((key) => `${key} ${median(runs.map((r) => r[key] as number))} (${runs.map((r) => r[key]).join('/')})`);
    console.log(`${path}: ${figures.join(', ')}`);
  }
} finally {
  chrome.kill();
  await server.close();
}
