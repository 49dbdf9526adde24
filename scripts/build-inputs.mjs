// The build's inputs and their fingerprint, shared by build-server.mjs (writes it) and start.mjs
// (compares it). Plain JavaScript: `npm start` reads it before anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const serverDist = path.join(root, 'packages/server/dist');
export const buildInfoFile = path.join(serverDist, 'build-info.json');

// Everything the web bundle and the server bundle are made from. Tests are left out: editing
// one does not make the build stale.
const INPUTS = [
  'package-lock.json',
  'knowledge-base',
  'packages/contract/src',
  'packages/contract/package.json',
  'packages/domain/src',
  'packages/domain/package.json',
  'packages/server/src',
  'packages/server/package.json',
  'packages/web/src',
  'packages/web/index.html',
  'packages/web/package.json',
  'packages/web/vite.config.ts',
  'scripts/build-server.mjs',
];

function listFiles(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(relative, entry.name)) : entry.isFile() ? [path.join(relative, entry.name)] : []))
    .filter((file) => !/\.test\.tsx?$/.test(file));
}

/** True when this checkout has the sources (a production image keeps only the built output). */
export function hasSources() {
  return existsSync(path.join(root, 'packages/server/src/start-server.ts'));
}

/** A content hash of the build's inputs (names and bytes), so a `git checkout` or an edit makes the build stale. */
export function hashBuildInputs() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * A quick fingerprint from names, sizes and modification times only (no file is read): when it
 * matches the stamp's, the sources are as they were built and start.mjs skips the content hash.
 */
export function statBuildInputs() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    const { size, mtimeMs } = statSync(path.join(root, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest('hex');
}

/** The stamp the last build wrote, or undefined when there is no complete build. */
export function readBuildInfo() {
  try {
    return JSON.parse(readFileSync(buildInfoFile, 'utf8'));
  } catch {
    return undefined;
  }
}
