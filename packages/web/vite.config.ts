import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes file.br and file.gz beside each text file of the build, at the strongest settings (done
 * once at build time, not per request), for @fastify/static's `preCompressed` to send. Files under
 * 1 KB are left alone: compressing them saves less than the headers cost. Written by hand because
 * vite-plugin-compression2 does not declare Vite 8 yet and this is twenty lines.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  let skip = false;
  return {
    name: 'myomap-precompress',
    apply: 'build',
    configResolved(config) {
      // The server-side build (dist-ssr) is read from disk by the server, not sent to browsers.
      if (config.build.ssr) skip = true;
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      if (skip) return;
      const files = Object.keys(bundle).filter((file) => /\.(js|css|html|svg|json|txt|webmanifest)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const body = await readFile(path);
          if (body.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gzipAsync(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * The browser runs the app on Preact (preact/compat), not React: the same components, about 50 KB
 * gzip less on every page. The server-side renderer (`vite build --ssr`, dist-ssr) and the unit tests
 * stay on React. See docs/ARCHITECTURE.md, "Web delivery".
 */
const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

/**
 * The modules the entry imports statically, filled in as the bundle is written, so that a page's
 * preload list leaves them out (`modulePreload.resolveDependencies` below): the browser has them
 * already, yet Vite's preload helper added a `<link rel=modulepreload>` for each, and on /book those
 * twenty-odd links cost about 35 ms of the main thread before the first render (issue 13).
 */
function entryModules(): { plugin: Plugin; loaded: Set<string> } {
  const loaded = new Set<string>();
  return {
    loaded,
    plugin: {
      name: 'myomap-entry-modules',
      apply: 'build',
      generateBundle: {
        order: 'pre',
        handler(_options, bundle) {
          const visit = (file: string) => {
            const chunk = bundle[file];
            if (loaded.has(file) || chunk?.type !== 'chunk') return;
            loaded.add(file);
            chunk.imports.forEach(visit);
          };
          for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
        },
      },
    },
  };
}

export default defineConfig(({ command, isSsrBuild }) => {
  // A build is a production build whatever NODE_ENV it inherits (`test` under vitest, `development`
  // in a developer's shell), for `npm run build`, `npm start`'s first build and the Dockerfile alike:
  // otherwise Vite bundles React's development build, about 65 KB gzip more on every page.
  if (command === 'build') process.env.NODE_ENV = 'production';
  const entry = entryModules();
  return {
    // React Fast Refresh cannot update Preact's tree, so in `npm run dev` a change reloads the page instead.
    plugins: [react({ refreshExclude: /./ }), precompress(), entry.plugin],
    resolve: { alias: isSsrBuild ? [] : PREACT_ALIASES },
    server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
    // The manifest lists each page's chunks and their imports, for scripts/check-bundle-budgets.ts.
    // `vite build --ssr` (package.json) writes the server-side renderer of the public pages to dist-ssr/ (no manifest).
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      manifest: true,
      // A page the entry imports (a public route's page, a namespace of text) gets no preload list at all:
      // Vite's helper inserts one <link rel=modulepreload> per chunk, and on a phone /book's sixteen cost
      // about 25 ms of the router's first task (issue 13); the browser finds the same chunks in the
      // page's imports instead, a round trip later, while the drawn page is already on screen.
      // Pages the staff routes import keep their lists, less what the entry has loaded.
      modulePreload: {
        resolveDependencies: (_file, deps, { hostId }) => (entry.loaded.has(hostId) ? [] : deps.filter((dep) => !entry.loaded.has(dep))),
      },
    },
  };
});
