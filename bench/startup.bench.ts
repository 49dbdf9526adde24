import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-types.ts';

const PORT = 3299;

/** Starts the real server as `npm start` would (tsx, PGlite) and times until /api/health answers. */
async function timeStart(dataDir: string): Promise<number> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/start-server.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return (performance.now() - began) / 1000;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runStartupBench(): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-startup-'));
  try {
    const first = await timeStart(dataDir);
    const later = await timeStart(dataDir);
    return [
      { bench: 'startup', run: 'first (create + migrate + seed)', seconds: Number(first.toFixed(2)) },
      { bench: 'startup', run: 'later', seconds: Number(later.toFixed(2)) },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
