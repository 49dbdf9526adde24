import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startTestServer } from '../e2e/support/test-server.ts';
import type { BenchResult } from './bench-types.ts';

/*
 * Lighthouse's mobile preset (a mid-range phone on slow 4G, CPU slowed 4×) with Debian's Chromium,
 * against the real server serving the built app (run `npm run build` first; this builds nothing).
 * Three runs per page; the median of each figure, beside the issue 13 target.
 */

const RUNS = 3;
const PORT = process.env.WEB_BENCH_PORT ?? '3411';
/** WEB_BENCH_PAGES=book (or book-ar, home; comma-separated) audits only those pages. */
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'book', path: '/book' },
  { name: 'book-ar', path: '/book?lang=ar' },
].filter((page) => (process.env.WEB_BENCH_PAGES ? process.env.WEB_BENCH_PAGES.split(',').includes(page.name) : page.name !== 'book-ar'));

type Figure = 'performance' | 'lcp_ms' | 'cls' | 'tbt_ms' | 'accessibility' | 'best_practices';
/** The targets; a score is at least, a timing or shift at most. */
const TARGETS: Record<Figure, { target: number; atLeast: boolean }> = {
  performance: { target: 95, atLeast: true },
  lcp_ms: { target: 2000, atLeast: false },
  cls: { target: 0.05, atLeast: false },
  tbt_ms: { target: 150, atLeast: false },
  accessibility: { target: 95, atLeast: true },
  best_practices: { target: 95, atLeast: true },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * WEB_BENCH_CPU_SLOWDOWN=1 keeps the mobile preset's network but not its 4× CPU slowdown: on a machine
 * busy with other work the CPU figures (TBT above all) are noisy, and this shows what the page itself costs.
 */
const CPU_SLOWDOWN = process.env.WEB_BENCH_CPU_SLOWDOWN ? Number(process.env.WEB_BENCH_CPU_SLOWDOWN) : undefined;
/** Lighthouse 12's mobile preset (constants.throttling.mobileSlow4G) with the CPU slowdown replaced. */
const throttling =
  CPU_SLOWDOWN === undefined
    ? undefined
    : {
        rttMs: 150,
        throughputKbps: 1638.4,
        requestLatencyMs: 562.5,
        downloadThroughputKbps: 1474.56,
        uploadThroughputKbps: 675,
        cpuSlowdownMultiplier: CPU_SLOWDOWN,
      };

async function audit(url: string, port: number): Promise<Record<Figure, number>> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    ...(throttling ? { throttling } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    lcp_ms: Math.round(value('largest-contentful-paint')),
    cls: Number(value('cumulative-layout-shift').toFixed(3)),
    tbt_ms: Math.round(value('total-blocking-time')),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
  };
}

export async function runWebBench(): Promise<BenchResult[]> {
  const dist = fileURLToPath(new URL('../packages/web/dist/index.html', import.meta.url));
  if (!existsSync(dist)) throw new Error('packages/web/dist is missing: run `npm run build` first');
  const server = await startTestServer({ env: { PORT, OUTBOX_INTERVAL_MS: '0' } });
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const results: BenchResult[] = [];
    for (const page of PAGES) {
      const runs: Record<Figure, number>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(`${server.baseUrl}${page.path}`, chrome.port));
      for (const figure of Object.keys(TARGETS) as Figure[]) {
        const { target, atLeast } = TARGETS[figure];
        const value = median(runs.map((run) => run[figure]));
        results.push({
          bench: `web-${page.name}`,
          figure,
          median: value,
          runs: runs.map((run) => run[figure]).join(' / '),
          target: `${atLeast ? '≥' : '≤'} ${target}`,
          result: (atLeast ? value >= target : value <= target) ? 'pass' : 'FAIL',
        });
      }
    }
    return results;
  } finally {
    chrome.kill();
    await server.close();
  }
}
