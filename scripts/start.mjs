// `npm start`: runs the built server, building first only when the build is missing or older
// than the sources (so `npm install && npm start` works on a fresh clone, and a later start
// costs no build). Plain JavaScript so it runs without tsx or any dev dependency.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasSources, hashBuildInputs, readBuildInfo, root, serverDist, statBuildInputs } from './build-inputs.mjs';

// `node scripts/start.mjs create-admin --email …` runs the admin CLI from the same build.
const command = process.argv[2] === 'create-admin' ? process.argv.splice(2, 1)[0] : 'start-server';
const entry = path.join(serverDist, command === 'create-admin' ? 'cli/create-admin.js' : 'start-server.js');
const built = existsSync(entry) ? readBuildInfo() : undefined;
// A production install has no build tools (`npm prune --omit=dev`) and an image may hold no
// sources: then the build that is there is the one to run.
const canBuild = hasSources() && existsSync(path.join(root, 'node_modules/esbuild')) && existsSync(path.join(root, 'node_modules/vite'));
// Sizes and times first (a few milliseconds); the content hash (a few hundred) only when they differ,
// as after a fresh `git checkout` that touched files without changing them.
const stale = hasSources() && built?.inputsStat !== statBuildInputs() && built?.inputsHash !== hashBuildInputs();

if (stale && canBuild) {
  console.error(built ? 'The sources changed since the last build; building…' : 'No build yet; building (first start only)…');
  // Build output goes to stderr so that a command's own output (create-admin's link) stays alone on stdout.
  // A production build whatever NODE_ENV is set here: packages/web/vite.config.ts sees to it.
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
} else if (!built) {
  console.error('No build in packages/server/dist. Run `npm run build` (it needs the dev dependencies: `npm ci`).');
  process.exit(1);
} else if (stale) {
  console.warn('The sources changed since the last build, but the build tools are not installed; starting the existing build.');
}

// `--build-only`: bring the build up to date and stop (the startup benchmark times starts, not builds).
if (process.argv[2] === '--build-only') process.exit(0);

// The server runs in this process, so SIGTERM from npm, Docker or systemd reaches its shutdown handler.
await import(pathToFileURL(entry).href);
