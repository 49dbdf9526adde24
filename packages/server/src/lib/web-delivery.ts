import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Compression of API answers: brotli or gzip as the client accepts, for bodies of 1 KB or more
 * (smaller ones gain less than the encoding costs). A route that sends bytes it compressed itself
 * opts out with `compress: false` or `config: { compress: false }`, and a reply that already has a
 * content-encoding is sent as it is (@fastify/compress skips it).
 * Registered before the routes: it decorates each route as the route is added.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Before the plugin's own onRoute hook, so `config.compress` reads like the route option.
  app.addHook('onRoute', (route) => {
    const config = route.config as { compress?: unknown } | undefined;
    if (config?.compress === false && route.compress === undefined) route.compress = false;
  });
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
}

/** Build files under dist/assets/ are all hashed by Vite (name-hash.js): a new build gives a new name, so a copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page itself (and anything unhashed): asked again each time, so a new build is seen at once. */
const REVALIDATE = 'no-cache';

/**
 * The built web app: each file served as the .br or .gz the build wrote beside it when the client
 * accepts one (packages/web/vite.config.ts), hashed assets cached for a year, the page never.
 * The page itself (/ and every app address) is not a file here: lib/web-pages.ts fills it in per request.
 *
 * dist/assets/ (about 450 files with their .br and .gz) is one wildcard route: a route per file, as
 * @fastify/static makes without one, cost a few hundred milliseconds of every start (issue 13: a
 * later start healthy within 3 s). A missing asset is a 404, not the app's page. The few files at the
 * build's root (the after-paint loader) keep a route each, so the app's `GET /*` still answers every
 * other address.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  if (!existsSync(webDist)) return;
  const assets = join(webDist, 'assets');
  const hasAssets = existsSync(assets);
  const common = {
    preCompressed: true,
    cacheControl: false,
  } as const;
  if (hasAssets) {
    await app.register(fastifyStatic, {
      ...common,
      root: assets,
      prefix: '/assets/',
      wildcard: true,
      index: false,
      setHeaders(res) {
        res.setHeader('cache-control', IMMUTABLE);
        // The same address answers brotli, gzip or plain: a shared cache keeps one copy per encoding.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  await app.register(fastifyStatic, {
    ...common,
    root: webDist,
    wildcard: false,
    globIgnore: ['assets/**'],
    // The reply's sendFile comes with the registration above (or here, when there is no assets folder).
    decorateReply: !hasAssets,
    // index.html is sent by lib/web-pages.ts with the clinic's settings in it, never as the raw file at /.
    index: false,
    setHeaders(res) {
      res.setHeader('cache-control', REVALIDATE);
      res.setHeader('vary', 'accept-encoding');
    },
  });
}
