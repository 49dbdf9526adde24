import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClinicOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readPublicClinic, readPublicServices } from '../public-site/read-public-site.ts';
import { PUBLIC } from './route-access.ts';

/*
 * The pages of the web app, filled in at serve time from the built index.html:
 * - every page carries the clinic's public settings as JSON (the app's first screen renders without
 *   waiting for GET /api/clinic) and <html lang dir> in the reader's language;
 * - public pages the web build can render to HTML (packages/web/src/app/public-pages, built into
 *   packages/web/dist-ssr) are sent as that HTML, in English or Arabic, with title, description,
 *   hreflang alternates and schema.org JSON-LD, and without the app's script: they are readable at
 *   once and their links lead into the app;
 * - /sitemap.xml and /robots.txt list them.
 * The page is never cached (`no-cache`): a new build or a changed clinic name is seen at once.
 */

type Language = 'en' | 'ar';

/** The module packages/web builds with `vite build --ssr` (its types are the web app's; the server may not import them). */
interface PublicPageRenderer {
  PUBLIC_PAGES: Record<string, { path: string }>;
  renderPublicPage(
    name: string,
    language: Language,
    data: { clinic: ClinicOut; services: readonly ServiceOut[] },
    origin: string,
  ): Promise<{ html: string; title: string; description: string; jsonLd: object[] }>;
}

/**
 * What the page at an address needs first, fetched beside the app's entry instead of after it has
 * run: the page's own chunk with its static imports (found in the build's manifest) and its first
 * API reads. Only addresses people open from outside (a link in an email, a search result) are worth it.
 */
const FIRST_NEEDS: Record<string, { chunk: string; data: string[] }> = {
  '/book': { chunk: 'src/features/public-booking/pages/book-page.tsx', data: ['/api/services', '/api/practitioners'] },
};

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** The files a chunk needs before it runs: itself and its static imports (as scripts/bundle-budgets.ts counts them). */
function chunkFiles(manifest: Record<string, ManifestChunk>, key: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const stack = [key];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    const chunk = manifest[next];
    if (seen.has(next) || !chunk) continue;
    seen.add(next);
    files.push(chunk.file);
    stack.push(...(chunk.imports ?? []));
  }
  return files;
}

/** <link> elements that start the page's chunk and first reads at once; files the template already loads are left out. */
export function preloadLinks(template: string, manifest: Record<string, ManifestChunk> | undefined, path: string): string[] {
  const needs = FIRST_NEEDS[path];
  if (!needs) return [];
  const scripts = manifest ? chunkFiles(manifest, needs.chunk).filter((file) => file.endsWith('.js') && !template.includes(`/${file}"`)) : [];
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`),
    ...needs.data.map((url) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(url)}">`),
  ];
}

/** The element id the web app reads the settings from (packages/web/src/lib/clinic/clinic-query.ts). */
const CLINIC_SETTINGS_ELEMENT_ID = 'myomap-clinic';
/** Set by the app's language switch and by ?lang= here: the language a server-rendered page is in. */
const LANGUAGE_COOKIE = 'myomap_lang';
const ONE_YEAR_SECONDS = 31_536_000;

/**
 * JSON that can sit inside a <script> element: `<`, `>` and `&` escaped so no text (a clinic name
 * with `</script>` in it) can end the element or open a comment, and the two line separators JSON
 * allows but older JavaScript did not.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** ?lang=, then the cookie, then English. `explicit` when the address chose it (the cookie is then set). */
export function pageLanguage(request: FastifyRequest): { language: Language; explicit: boolean } {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.lang;
  if (fromQuery === 'en' || fromQuery === 'ar') return { language: fromQuery, explicit: true };
  const fromCookie = request.cookies?.[LANGUAGE_COOKIE];
  return { language: fromCookie === 'ar' ? 'ar' : 'en', explicit: false };
}

/** The address of a public page in one language: English at the plain path, Arabic with ?lang=ar. */
function pageUrl(origin: string, path: string, language: Language): string {
  return language === 'ar' ? `${origin}${path}?lang=ar` : `${origin}${path}`;
}

function withLanguage(template: string, language: Language): string {
  return template.replace(/<html[^>]*>/, `<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
}

function clinicScript(clinic: ClinicOut): string {
  return `<script id="${CLINIC_SETTINGS_ELEMENT_ID}" type="application/json">${jsonForScript(clinic)}</script>`;
}

/** The app's page (every address the app routes in the browser): the template with the settings, the language and what to preload. */
export function appPage(template: string, language: Language, clinic: ClinicOut, preloads: readonly string[] = []): string {
  return withLanguage(template, language).replace(/\s*<\/head>/, `\n    ${[...preloads, clinicScript(clinic)].join('\n    ')}\n  </head>`);
}

/** A server-rendered public page: the template's styles, the page's head and markup, and no app script. */
export function renderedPage(
  template: string,
  language: Language,
  page: { path: string; html: string; title: string; description: string; jsonLd: object[] },
  origin: string,
): string {
  const head = [
    `<link rel="canonical" href="${escapeHtml(pageUrl(origin, page.path, language))}">`,
    `<link rel="alternate" hreflang="en" href="${escapeHtml(pageUrl(origin, page.path, 'en'))}">`,
    `<link rel="alternate" hreflang="ar" href="${escapeHtml(pageUrl(origin, page.path, 'ar'))}">`,
    `<link rel="alternate" hreflang="x-default" href="${escapeHtml(pageUrl(origin, page.path, 'en'))}">`,
    ...page.jsonLd.map((item) => `<script type="application/ld+json">${jsonForScript(item)}</script>`),
  ];
  return withLanguage(template, language)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(/<meta name="description"[^>]*>/, `<meta name="description" content="${escapeHtml(page.description)}" />`)
    .replace(/\s*<script type="module"[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace(/\s*<\/head>/, `\n    ${head.join('\n    ')}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root">${page.html}</div>`);
}

async function loadRenderer(webDist: string): Promise<PublicPageRenderer | undefined> {
  const file = join(webDist, '..', 'dist-ssr', 'render-public-page.js');
  if (!existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as PublicPageRenderer;
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding, cookie').send(html);
}

/**
 * Serves the web app's pages: `GET /` (the home page, rendered on the server when the web build has
 * its renderer), /sitemap.xml, /robots.txt, and the app's page at every other address outside /api/
 * (the built files under /assets/ are more specific routes and win). Does nothing without a web build.
 */
export async function registerWebPages(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) return;
  const template = readFileSync(indexFile, 'utf8');
  const renderer = await loadRenderer(webDist);
  const manifestFile = join(webDist, '.vite', 'manifest.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>) : undefined;
  const origin = app.ctx.config.publicUrl;
  /** The last rendering per language, kept while the clinic's data is the same. */
  const rendered = new Map<Language, { data: string; html: string }>();

  async function sendAppPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { language, explicit } = pageLanguage(request);
    if (explicit) reply.header('set-cookie', `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`);
    const path = request.url.split('?')[0] ?? '/';
    return sendHtml(reply, appPage(template, language, await readPublicClinic(app.ctx.db), preloadLinks(template, manifest, path)));
  }

  // A route rather than the not-found handler, so @fastify/compress compresses the page like any answer.
  app.get('/*', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    // /metrics is an operator's address, not a page: with metrics off (or on their own port) it is a
    // 404 in the error shape, never the web app's page with a 200.
    const path = request.url.split('?')[0];
    if (request.url.startsWith('/api/') || path === '/metrics') return reply.callNotFound();
    return sendAppPage(request, reply);
  });

  app.get('/', { config: { access: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    if (!renderer) return sendAppPage(request, reply);
    const { language, explicit } = pageLanguage(request);
    if (explicit) reply.header('set-cookie', `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`);
    const [clinic, services] = await Promise.all([readPublicClinic(app.ctx.db), readPublicServices(app.ctx.db)]);
    const data = JSON.stringify({ clinic, services });
    let page = rendered.get(language);
    if (page?.data !== data) {
      const result = await renderer.renderPublicPage('home', language, { clinic, services }, origin);
      page = { data, html: renderedPage(template, language, { path: '/', ...result }, origin) };
      rendered.set(language, page);
    }
    return sendHtml(reply, page.html);
  });

  app.get('/robots.txt', { config: { access: PUBLIC }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        ['User-agent: *', 'Disallow: /api/', 'Disallow: /staff', 'Disallow: /booking/', 'Disallow: /intake/', '', `Sitemap: ${origin}/sitemap.xml`, ''].join(
          '\n',
        ),
      ),
  );

  app.get('/sitemap.xml', { config: { access: PUBLIC }, schema: { hide: true } }, async (_request, reply) => {
    const paths = renderer ? [...new Set([...Object.values(renderer.PUBLIC_PAGES).map((page) => page.path), '/book'])] : ['/', '/book'];
    const urls = paths.flatMap((path) =>
      (['en', 'ar'] as const).map((language) =>
        [
          '  <url>',
          `    <loc>${escapeHtml(pageUrl(origin, path, language))}</loc>`,
          ...(['en', 'ar'] as const).map((other) => `    <xhtml:link rel="alternate" hreflang="${other}" href="${escapeHtml(pageUrl(origin, path, other))}"/>`),
          `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeHtml(pageUrl(origin, path, 'en'))}"/>`,
          '  </url>',
        ].join('\n'),
      ),
    );
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
      ...urls,
      '</urlset>',
      '',
    ].join('\n');
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'no-cache').send(xml);
  });
}
