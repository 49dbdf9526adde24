import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { databaseTargets } from '../test-support/test-database.ts';

/** index.html as Vite writes it: the app's script, a preloaded chunk, a stylesheet, an empty #root. */
const INDEX = `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Neuromuscular therapy in Sharjah: learn what it is and book online." />
    <title>Myomap</title>
    <script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/chunk-Ef56Gh78.js">
    <link rel="stylesheet" crossorigin href="/assets/index-Ij90Kl12.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * A stand-in for packages/web's server-side build (dist-ssr/render-public-page.js, tested in
 * packages/web/src/app/public-pages): it echoes what the server gave it, so the test sees the data.
 */
const RENDERER = `
export const PUBLIC_PAGES = { home: { path: '/' }, book: { path: '/book' } };
export async function renderPublicPage(name, language, data, origin) {
  return {
    html: '<main><h1>' + name + ' ' + language + '</h1><p>' + data.services.length + ' services</p></main>',
    title: (name === 'book' ? 'Book · ' : 'Home · ') + data.clinic.name[language],
    description: language === 'ar' ? 'وصف' : 'About "us" & <more>',
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'MedicalClinic', name: data.clinic.name[language], url: origin + '/' }],
  };
}
`;

/** Vite's manifest: the booking page's chunk imports a shared chunk and the entry (which the page already loads). */
const MANIFEST = {
  'index.html': { file: 'assets/index-Ab12Cd34.js', isEntry: true, imports: ['_chunk-Ef56Gh78.js'] },
  '_chunk-Ef56Gh78.js': { file: 'assets/chunk-Ef56Gh78.js' },
  '_clinic-time.js': { file: 'assets/clinic-time-Mn34Op56.js', imports: ['index.html'] },
  'src/features/public-booking/pages/book-page.tsx': { file: 'assets/book-page-Qr78St90.js', isDynamicEntry: true, imports: ['index.html', '_clinic-time.js'] },
};

function writeBuild(withRenderer: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'web-pages-'));
  mkdirSync(join(root, 'dist', '.vite'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), INDEX);
  writeFileSync(join(root, 'dist', '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  if (withRenderer) {
    mkdirSync(join(root, 'dist-ssr'));
    writeFileSync(join(root, 'dist-ssr', 'render-public-page.js'), RENDERER);
  }
  return root;
}

/** The clinic's settings as the page carries them, parsed back. */
function settingsIn(html: string): unknown {
  const match = /<script id="myomap-clinic" type="application\/json">([^<]*)<\/script>/.exec(html);
  return match ? JSON.parse(match[1] as string) : undefined;
}

const ORIGIN = 'https://clinic.example';

describe.each(databaseTargets)('web pages on %s', (target) => {
  describe('the app page', () => {
    let t: TestApp;
    let root: string;
    beforeAll(async () => {
      root = writeBuild(false);
      t = await createTestApp(target, { webDist: join(root, 'dist'), config: { publicUrl: ORIGIN } });
    });
    afterAll(async () => {
      await t.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('carries the clinic settings GET /api/clinic sends, so the first screen needs no request', async () => {
      const clinic = (await t.app.inject({ method: 'GET', url: '/api/clinic' })).json();
      for (const url of ['/', '/book?service=svc-nmt-follow-60', '/staff/calendar']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(settingsIn(res.body), url).toEqual(clinic);
        // Without a server-side build the app itself renders the page.
        expect(res.body, url).toContain('<script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>');
      }
    });

    it("starts the booking page's own chunk and first reads beside the entry", async () => {
      const book = await t.app.inject({ method: 'GET', url: '/book?service=svc-nmt-follow-60' });
      expect(book.body).toContain('<link rel="modulepreload" crossorigin href="/assets/book-page-Qr78St90.js">');
      expect(book.body).toContain('<link rel="modulepreload" crossorigin href="/assets/clinic-time-Mn34Op56.js">');
      expect(book.body).toContain('<link rel="preload" as="fetch" crossorigin href="/api/practitioners">');
      // The services come in the page (next test), so they are not fetched.
      expect(book.body).not.toContain('href="/api/services"');
      // What the template loads already is not listed twice.
      expect(book.body.match(/index-Ab12Cd34\.js/g)).toHaveLength(1);
      expect(book.body.match(/chunk-Ef56Gh78\.js/g)).toHaveLength(1);
      const other = await t.app.inject({ method: 'GET', url: '/staff/calendar' });
      expect(other.body).not.toMatch(/book-page|rel="preload"/);
    });

    it('carries the services GET /api/services sends in the booking page only, so its first step needs no request', async () => {
      const services = (await t.app.inject({ method: 'GET', url: '/api/services' })).json<unknown[]>();
      expect(services.length).toBeGreaterThan(0);
      const servicesIn = (html: string) => {
        const match = /<script id="myomap-services" type="application\/json">([^<]*)<\/script>/.exec(html);
        return match ? (JSON.parse(match[1] as string) as unknown) : undefined;
      };
      expect(servicesIn((await t.app.inject({ method: 'GET', url: '/book?step=service' })).body)).toEqual(services);
      for (const url of ['/booking/MYO-ABC?token=x', '/staff/calendar'])
        expect(servicesIn((await t.app.inject({ method: 'GET', url })).body), url).toBeUndefined();
    });

    it('cannot be broken out of by the clinic name', async () => {
      const name = '</script><script>alert(1)</script><!-- & \u2028';
      await t.ctx.db.query(`update clinic set name_en = $1`, [name]);
      const res = await t.app.inject({ method: 'GET', url: '/book' });
      expect(res.body).not.toContain('<script>alert(1)');
      // The app's script, the clinic's settings and the booking page's services: no other.
      expect(res.body.match(/<script/g)).toHaveLength(3);
      expect((settingsIn(res.body) as { name: { en: string } }).name.en).toBe(name);
    });

    it('opens in the language of ?lang=, remembers it in a cookie, and reads the cookie next time', async () => {
      const ar = await t.app.inject({ method: 'GET', url: '/book?lang=ar' });
      expect(ar.body).toContain('<html lang="ar" dir="rtl" data-server-language>');
      expect(ar.headers['set-cookie']).toMatch(/^myomap_lang=ar; Path=\/; Max-Age=31536000; SameSite=Lax/);
      const again = await t.app.inject({ method: 'GET', url: '/book', cookies: { myomap_lang: 'ar' } });
      expect(again.body).toContain('<html lang="ar" dir="rtl" data-server-language>');
      expect(again.headers['set-cookie']).toBeUndefined();
      const odd = await t.app.inject({ method: 'GET', url: '/book?lang=fr', cookies: { myomap_lang: 'xx' } });
      expect(odd.body).toContain('<html lang="en" dir="ltr" data-server-language>');
    });

    it('leaves unknown API addresses to the API, as errors', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    });
  });

  describe('a server-rendered public page', () => {
    let t: TestApp;
    let root: string;
    beforeAll(async () => {
      root = writeBuild(true);
      t = await createTestApp(target, { webDist: join(root, 'dist'), config: { publicUrl: ORIGIN } });
    });
    afterAll(async () => {
      await t.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('sends the home page as HTML in English and Arabic, with its head and without the app script', async () => {
      const services = (await t.app.inject({ method: 'GET', url: '/api/services' })).json<unknown[]>();
      const en = await t.app.inject({ method: 'GET', url: '/' });
      expect(en.statusCode).toBe(200);
      expect(en.headers['cache-control']).toBe('no-cache');
      expect(en.body).toContain('<html lang="en" dir="ltr">');
      expect(en.body).toContain(`<div id="root"><main><h1>home en</h1><p>${services.length} services</p></main></div>`);
      expect(en.body).toContain('<title>Home · Dr. Amal Al Qedrah Medical Center</title>');
      expect(en.body).toContain('<meta name="description" content="About &quot;us&quot; &amp; &lt;more&gt;" />');
      expect(en.body).toContain(`<link rel="canonical" href="${ORIGIN}/">`);
      expect(en.body).toContain(`<link rel="alternate" hreflang="ar" href="${ORIGIN}/?lang=ar">`);
      expect(en.body).toContain(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}/">`);
      expect(en.body).toContain('<link rel="stylesheet" crossorigin href="/assets/index-Ij90Kl12.css">');
      expect(en.body).not.toMatch(/<script type="module"|modulepreload/);
      // The first paint waits for <main> (e2e/book-page-loading.test.ts: a page in pieces does not move).
      expect(en.body).toContain('<link rel="expect" href="#main" blocking="render">');
      const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(en.body)?.[1];
      expect(JSON.parse(jsonLd ?? 'null')).toEqual({
        '@context': 'https://schema.org',
        '@type': 'MedicalClinic',
        name: 'Dr. Amal Al Qedrah Medical Center',
        url: `${ORIGIN}/`,
      });

      const ar = await t.app.inject({ method: 'GET', url: '/?lang=ar' });
      expect(ar.body).toContain('<html lang="ar" dir="rtl">');
      expect(ar.body).toContain('<h1>home ar</h1>');
      expect(ar.body).toContain(`<link rel="canonical" href="${ORIGIN}/?lang=ar">`);
      expect(ar.headers['set-cookie']).toMatch(/^myomap_lang=ar;/);
    });

    it("draws /book's first step into the app's page, and starts the app's script only after the first paint", async () => {
      const services = (await t.app.inject({ method: 'GET', url: '/api/services' })).json<unknown[]>();
      for (const [url, language] of [
        ['/book', 'en'],
        ['/book?lang=ar', 'ar'],
      ] as const) {
        const res = await t.app.inject({ method: 'GET', url });
        // Marked with the language it was drawn in: the app takes it over only in that language (web/src/main.tsx).
        expect(res.body, url).toContain(
          `<div id="root" data-drawn-in="${language}"><main><h1>book ${language}</h1><p>${services.length} services</p></main></div>`,
        );
        expect(res.body, url).toContain(`<title>Book · ${language === 'ar' ? 'مركز الدكتورة أمل القدرة الطبي' : 'Dr. Amal Al Qedrah Medical Center'}</title>`);
        // The entry through the after-paint loader, nothing preloaded; the styles, settings and services stay.
        expect(res.body, url).toContain('<script src="/load-app-after-paint.js" data-entry="/assets/index-Ab12Cd34.js" defer></script>');
        expect(res.body, url).not.toMatch(/<script type="module"|modulepreload|rel="preload"/);
        expect(res.body, url).toContain('<link rel="stylesheet" crossorigin href="/assets/index-Ij90Kl12.css">');
        expect(res.body, url).toContain('<script id="myomap-services" type="application/json">');
        expect(res.body, url).toContain('<link rel="expect" href="#main" blocking="render">');
        expect(settingsIn(res.body), url).toMatchObject({ timeZone: 'Asia/Dubai' });
      }
      // A choice in the address is a later step: the app's page as before, with its preloads.
      const later = await t.app.inject({ method: 'GET', url: '/book?service=svc-nmt-follow-60' });
      expect(later.body).toContain('<div id="root"></div>');
      expect(later.body).not.toContain('rel="expect"');
      expect(later.body).toContain('<script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>');
      expect(later.body).toContain('<link rel="modulepreload" crossorigin href="/assets/book-page-Qr78St90.js">');
    });

    it('renders again when the clinic changes', async () => {
      await t.ctx.db.query(`update clinic set name_en = 'Renamed Clinic'`);
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(res.body).toContain('<title>Home · Renamed Clinic</title>');
    });

    it('lists its pages in both languages in /sitemap.xml, and points robots to it', async () => {
      const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
      expect(sitemap.statusCode).toBe(200);
      expect(sitemap.headers['content-type']).toMatch(/^application\/xml/);
      for (const loc of [`${ORIGIN}/`, `${ORIGIN}/?lang=ar`, `${ORIGIN}/book`, `${ORIGIN}/book?lang=ar`]) expect(sitemap.body).toContain(`<loc>${loc}</loc>`);
      expect(sitemap.body).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${ORIGIN}/?lang=ar"/>`);
      const robots = await t.app.inject({ method: 'GET', url: '/robots.txt' });
      expect(robots.body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
      expect(robots.body).toContain('Disallow: /staff');
      expect(robots.body).toContain('Disallow: /portal');
    });
  });
});
