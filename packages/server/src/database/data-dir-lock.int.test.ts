import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnServer } from '../test-support/spawn-server.ts';
import { DataDirInUseError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts';

const entry = fileURLToPath(new URL('../start-server.ts', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'myomap-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited: a real dead pid, as a crash leaves behind. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

/** A port the OS just handed out, so parallel test runs do not collide. */
/** Starts the real server and waits for it to exit (it must, when refused). */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', OUTBOX_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and frees the directory on release', () => {
    const dir = tempDir();
    const first = lockDataDir(dir);
    const owner = JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(typeof owner.startedAt).toBe('string');
    // Another process with a live pid (this test's parent is alive) holds it.
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ ...owner, pid: process.ppid }));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(owner));
    first.release();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a dead process on this host', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock from another host or an unreadable lock rather than guess', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid(), hostname: `not-${hostname()}`, startedAt: '2026-01-01T00:00:00Z' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    writeFileSync(path.join(dir, LOCK_FILE_NAME), '{');
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  });

  it('a release does not remove a lock that another process has since taken', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    const other = JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: 'later', nonce: 'other' });
    writeFileSync(lock.path, other);
    lock.release();
    expect(readFileSync(lock.path, 'utf8')).toBe(other);
  });
});

describe('two server processes on one PGlite data directory', () => {
  it('refuses the second with exit code 2 and a clear message, and restarts after a crash', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(await freePort(), { DATA_DIR: dataDir, SEED_DEMO: '0' });
    try {
      const second = await runUntilExit({ DATA_DIR: dataDir, SEED_DEMO: '0' });
      expect(second.code).toBe(2);
      expect(second.stderr).toContain('is in use by process');
      expect(second.stderr).toContain(String(first.child.pid));
      // The first server is unharmed.
      expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await first.kill();
    }
    // SIGKILL left the lock behind; its pid is dead, so the next start takes over.
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(true);
    const third = await spawnServer(await freePort(), { DATA_DIR: dataDir, SEED_DEMO: '0' });
    try {
      expect((await fetch(`${third.baseUrl}/api/health`)).status).toBe(200);
      const owner = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8'));
      expect(owner.pid).toBe(third.child.pid);
    } finally {
      await third.stop();
    }
    // A clean stop removes the lock.
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    // Three cold starts of the real server on a busy machine: a generous budget, not a timing claim.
  }, 240_000);
});
