import type { BenchResult } from './bench-types.ts';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- availability` runs those whose name
 * contains the word. Prints a table, then one JSON line per result for machines to read.
 */
const benches: Record<string, () => Promise<BenchResult[]>> = {
  'availability-engine': async () => (await import('./availability-engine.bench.ts')).runAvailabilityEngineBench(),
  'source-finder': async () => (await import('./source-finder.bench.ts')).runSourceFinderBench(),
  screening: async () => (await import('./screening.bench.ts')).runScreeningBench(),
  'clinical-source-finder': async () => (await import('./clinical-source-finder.ts')).runClinicalSourceFinderBench(),
  'clinical-plans': async () => (await import('./clinical-plans.bench.ts')).runClinicalPlansBench(),
  'clinical-screening': async () => (await import('./clinical-screening.ts')).runClinicalScreeningBench(),
  'outcome-report': async () => (await import('./outcome-report.bench.ts')).runOutcomeReportBench(),
  // `npm run bench -- http-load cached|cold|booking` runs one part (the bare Fastify ceiling always runs).
  'http-load': async () => (await import('./http-load.bench.ts')).runHttpLoadBench(process.argv[3]),
  startup: async () => (await import('./startup.bench.ts')).runStartupBench(),
  web: async () => (await import('./web.bench.ts')).runWebBench(),
  letters: async () => (await import('./letters.bench.ts')).runLettersBench(),
};

const filter = process.argv[2];
const selected = Object.entries(benches).filter(([name]) => !filter || name.includes(filter));
if (selected.length === 0) {
  console.error(`No benchmark matches "${filter}". Choose from: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}

const all: BenchResult[] = [];
for (const [name, run] of selected) {
  process.stderr.write(`running ${name}…\n`);
  all.push(...(await run()));
}

const keys = [...new Set(all.flatMap((r) => Object.keys(r)))];
console.table(all.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? '']))));
for (const result of all) console.log(JSON.stringify(result));
