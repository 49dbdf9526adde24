import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';
import { PUBLIC } from './route-access.ts';

/** A small build as packages/web's vite.config.ts writes it: each file with its .br and .gz beside it. */
function writeFakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  const files = {
    'index.html': `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<p>Myomap</p>'.repeat(100)}</body></html>`,
    'assets/index-Ab12Cd34.js': `export const text = ${JSON.stringify('neuromuscular '.repeat(200))};`,
    'load-app-after-paint.js': `// the loader ${'x'.repeat(2000)}`,
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dist, name), text);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
  }
  return dist;
}

const BIG = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) };

describe.each(databaseTargets)('web delivery on %s', (target) => {
  let t: TestApp;
  let dist: string;
  const js = '/assets/index-Ab12Cd34.js';

  beforeAll(async () => {
    dist = writeFakeBuild();
    t = await createTestApp(target, { webDist: dist });
    // Routes that send bytes they compressed themselves, as GET /api/availability does with its cache.
    t.app.get('/api/test/own-bytes', { compress: false, config: { access: PUBLIC } }, async (_request, reply) =>
      reply.header('content-type', 'application/json').send(JSON.stringify(BIG)),
    );
    t.app.get('/api/test/own-config', { config: { access: PUBLIC, compress: false } as never }, async () => BIG);
    t.app.get('/api/test/already-encoded', { config: { access: PUBLIC } }, async (_request, reply) =>
      reply
        .header('content-type', 'application/json')
        .header('content-encoding', 'gzip')
        .send(gzipSync(JSON.stringify(BIG))),
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends a built file as brotli when the browser accepts it, cached for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: js, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toContain('neuromuscular');
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await t.app.inject({ method: 'GET', url: js, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toContain('neuromuscular');
    const plain = await t.app.inject({ method: 'GET', url: js, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('neuromuscular');
  });

  it("answers a missing asset with 404, not the app's page, and sends a file at the root unhashed, never cached", async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/assets/index-Zz99Zz99.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/^text\/html/);
    const loader = await t.app.inject({ method: 'GET', url: '/load-app-after-paint.js', headers: { 'accept-encoding': 'br' } });
    expect(loader.statusCode).toBe(200);
    expect(loader.headers['content-encoding']).toBe('br');
    expect(loader.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(loader.rawPayload).toString()).toContain('the loader');
  });

  it('never caches the page, at / or at an app route it falls back to', async () => {
    for (const url of ['/', '/book?service=svc-nmt-follow-60&step=time']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('index-Ab12Cd34.js');
    }
  });

  it('compresses API answers of 1 KB or more, and leaves small ones plain', async () => {
    const big = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(big.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(big.rawPayload).toString())).toHaveProperty('openapi');
    const small = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('lets a route opt out, and never encodes a reply twice', async () => {
    for (const url of ['/api/test/own-bytes', '/api/test/own-config']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers['content-encoding'], url).toBeUndefined();
      expect(res.json(), url).toEqual(BIG);
    }
    const encoded = await t.app.inject({ method: 'GET', url: '/api/test/already-encoded', headers: { 'accept-encoding': 'br, gzip' } });
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(encoded.rawPayload).toString())).toEqual(BIG);
  });
});
