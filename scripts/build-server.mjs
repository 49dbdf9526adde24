// Bundles the server into packages/server/dist (one ES module per entry point). The workspace
// packages (@myomap/domain, @myomap/contract) and the knowledge-base JSON are bundled in; npm
// dependencies stay external so native and large packages (argon2, pg, PGlite) load from
// node_modules as usual. Run by `npm run build` after the web build; writes the build stamp last.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildInfoFile, hashBuildInputs, root, serverDist, statBuildInputs } from './build-inputs.mjs';

const started = performance.now();
const inputsHash = hashBuildInputs();
const inputsStat = statBuildInputs();
const serverSrc = path.join(root, 'packages/server/src');

rmSync(serverDist, { recursive: true, force: true });
await build({
  // PGlite's thread (database/open-pglite.ts starts ./pglite-worker.js beside its own chunk, in this directory).
  entryPoints: {
    'start-server': path.join(serverSrc, 'start-server.ts'),
    'cli/create-admin': path.join(serverSrc, 'cli/create-admin.ts'),
    'pglite-worker': path.join(serverSrc, 'database/pglite-worker.ts'),
  },
  outdir: serverDist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  // Stack traces in production logs name the source functions.
  keepNames: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'npm-dependencies-external',
      setup(b) {
        // Bare imports other than the workspace packages come from node_modules at run time.
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@myomap/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
// migrate.ts reads ./migrations/ beside the module that runs it: the bundle's own directory.
cpSync(path.join(serverSrc, 'database/migrations'), path.join(serverDist, 'migrations'), { recursive: true });
// The education library's article files (education/article-files.ts reads ./articles/ beside the bundle, synced at start).
const articles = path.join(root, 'knowledge-base/articles');
if (existsSync(articles)) cpSync(articles, path.join(serverDist, 'articles'), { recursive: true, filter: (file) => !file.endsWith('.ts') });
mkdirSync(serverDist, { recursive: true });
writeFileSync(buildInfoFile, JSON.stringify({ inputsHash, inputsStat, builtAt: new Date().toISOString(), node: process.version }, null, 2) + '\n');
console.log(`Server built into ${path.relative(root, serverDist)} in ${Math.round(performance.now() - started)} ms.`);
