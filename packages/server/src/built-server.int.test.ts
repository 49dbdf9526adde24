import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './test-support/spawn-server.ts';

// The built server (packages/server/dist, what `npm start` and the Docker image run) with plain
// node: it starts on PGlite, becomes ready, and on SIGTERM drains, closes the database and exits 0.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Chosen at the start (a fixed port once met another run's server on the same machine).
let PORT = 0;

function startBuilt(dataDir: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'packages/server/dist/start-server.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO_HISTORY: '0', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function waitUntilReady(server: ReturnType<typeof startBuilt>): Promise<void> {
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the built server exited with ${server.child.exitCode}: ${server.stderr()}`);
    const ready = await fetch(`http://127.0.0.1:${PORT}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the built server', () => {
  let dataDir = '';
  beforeAll(async () => {
    // Builds only when the build is missing or stale (npm test has just built it).
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--build-only'], { cwd: ROOT, stdio: 'inherit' });
    expect(build.status).toBe(0);
    PORT = await freePort();
    dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-built-'));
  }, 240_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts with node, and exits 0 on SIGTERM after closing the database', async () => {
    const first = startBuilt(dataDir);
    await waitUntilReady(first);
    expect(await (await fetch(`http://127.0.0.1:${PORT}/api/health`)).json()).toEqual({ status: 'ok', database: 'pglite' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // The data directory's lock was released on the way out: a second start opens it at once.
    const second = startBuilt(dataDir);
    await waitUntilReady(second);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toBe('');
  }, 240_000);
});
