import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * PGlite keeps the whole database in one process's memory and writes it to DATA_DIR; a second
 * process on the same directory does not see the first one's writes and overwrites its pages
 * (a test lost 5 of 35 confirmed bookings and corrupted indexes). So one process holds the
 * directory, marked by a lock file created atomically (O_EXCL: exactly one creator wins).
 */
export const LOCK_FILE_NAME = 'myomap.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Distinguishes our own lock from one that replaced it. */
  nonce: string;
}

/** Thrown when a live process holds the directory; start-server reports it and exits with code 2. */
export class DataDirInUseError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: Partial<LockOwner>,
  ) {
    const who = `process ${owner.pid ?? '?'} on ${owner.hostname ?? 'an unknown host'} (started ${owner.startedAt ?? 'at an unknown time'})`;
    const sameHost = owner.hostname === hostname();
    super(
      `DATA_DIR ${path.dirname(lockPath)} is in use by ${who}. ` +
        'Two processes on one PGlite data directory corrupt it: stop the other process, or give this one its own DATA_DIR. ' +
        (sameHost ? '' : `If you are sure no process on ${owner.hostname ?? 'that host'} uses it, delete ${lockPath}.`),
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

/** Takes the directory or throws DataDirInUseError; a lock left by a dead process on this host is taken over. */
export function lockDataDir(dataDir: string, isAlive: (pid: number) => boolean = isProcessAlive): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), nonce: randomBytes(8).toString('hex') };
  const mine = JSON.stringify(me);
  // Two rounds at most: the second follows the removal of a stale lock.
  for (let round = 0; round < 2; round++) {
    try {
      writeFileSync(lockPath, mine, { flag: 'wx', mode: 0o600 });
      return {
        path: lockPath,
        release() {
          if (readOrUndefined(lockPath) === mine) unlinkSync(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readOrUndefined(lockPath);
    if (text === undefined) continue; // removed between our attempt and the read: try again
    const owner = parseOwner(text);
    // Another host's pid means nothing here, and an unreadable file may be a writer mid-write:
    // refuse rather than guess. A dead pid on this host is a crash; its lock is stale.
    const stale = owner?.hostname === hostname() && typeof owner.pid === 'number' && owner.pid !== process.pid && !isAlive(owner.pid);
    if (!stale) throw new DataDirInUseError(lockPath, owner ?? {});
    // Remove only the file we judged: if another starter took over in the meantime, its content differs.
    if (readOrUndefined(lockPath) === text) unlinkSync(lockPath);
  }
  throw new DataDirInUseError(lockPath, parseOwner(readOrUndefined(lockPath) ?? '') ?? {});
}

/** Signal 0 checks existence without sending anything; EPERM means alive but not ours. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(text: string): Partial<LockOwner> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
