import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-types.ts';

// BENCH_STARTUP_PORT: a port of one's own on a shared machine.
const PORT = Number(process.env.BENCH_STARTUP_PORT ?? 3299);
// Issue 13's targets, from `node` starting to /api/health answering, on PGlite.
const FIRST_START_TARGET_SECONDS = 10;
const LATER_START_TARGET_SECONDS = 3;

/**
 * CPU seconds (user + system) a process has used, from /proc on Linux: on a shared, busy machine the
 * wall-clock time says more about the neighbours than about the start.
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface StartTime {
  seconds: number;
  cpuSeconds: number;
  /** Until /api/ready answers 200 (a first start seeds the demo history after it listens). */
  readySeconds: number;
}

const answers = (url: string) =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

/** Starts the built server as `npm start` does (node, no tsx, PGlite) and times until /api/health, then /api/ready, answer. */
async function timeStart(dataDir: string, env: Record<string, string>): Promise<StartTime> {
  const began = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
  try {
    const until = async (path: string) => {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
        if (await answers(`http://127.0.0.1:${PORT}${path}`)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await until('/api/health');
    const healthy = { seconds: (performance.now() - began) / 1000, cpuSeconds: cpuSeconds(child.pid) };
    await until('/api/ready');
    return { ...healthy, readySeconds: (performance.now() - began) / 1000 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const row = (run: string, { seconds, cpuSeconds, readySeconds }: StartTime, target: number): BenchResult => ({
  bench: 'startup',
  run,
  seconds: Number(seconds.toFixed(2)),
  cpuSeconds: Number(cpuSeconds.toFixed(2)),
  ready_seconds: Number(readySeconds.toFixed(2)),
  target,
  result: seconds <= target ? 'pass' : 'fail',
});

export async function runStartupBench(): Promise<BenchResult[]> {
  // Build once up front (a no-op when the build is fresh), so no run below times a build.
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-startup-'));
  const historyDir = await mkdtemp(path.join(tmpdir(), 'myomap-startup-history-'));
  try {
    // First start: create the database, migrate, seed the demo clinic (its six-month history is timed apart).
    const first = await timeStart(dataDir, { SEED_DEMO_HISTORY: '0' });
    const later = await timeStart(dataDir, { SEED_DEMO_HISTORY: '0' });
    const firstWithHistory = await timeStart(historyDir, {});
    const laterWithHistory = await timeStart(historyDir, {});
    return [
      row('first (create + migrate + seed clinic)', first, FIRST_START_TARGET_SECONDS),
      row('later', later, LATER_START_TARGET_SECONDS),
      row('first with demo history (a newcomer’s npm start)', firstWithHistory, FIRST_START_TARGET_SECONDS),
      row('later with demo history', laterWithHistory, LATER_START_TARGET_SECONDS),
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(historyDir, { recursive: true, force: true });
  }
}
