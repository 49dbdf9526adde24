import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClinicOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listEducationPaths } from '../education/education-paths.ts';
import { readPublicClinic, readPublicServices } from '../public-site/read-public-site.ts';
import { firstScreenData, SERVICES_ELEMENT_ID } from './first-screen-data.ts';
import { escapeHtml, jsonForScript } from './html-text.ts';
import { preloadLinks, type ManifestChunk } from './page-preloads.ts';
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
  ): Promise<{ html: string; withApp?: boolean; title: string; description: string; jsonLd: object[] }>;
}

/** The element id the web app reads the settings from (packages/web/src/lib/clinic/clinic-query.ts). */
const CLINIC_SETTINGS_ELEMENT_ID = 'myomap-clinic';
/** Set by the app's language switch and by ?lang= here: the language a server-rendered page is in. */
const LANGUAGE_COOKIE = 'myomap_lang';
const ONE_YEAR_SECONDS = 31_536_000;

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

/**
 * The page in `language`. The app's page is marked as the server's choice (`forApp`): the app follows
 * it rather than read the cookie again (web/src/app/i18n.ts).
 */
function withLanguage(template: string, language: Language, forApp = false): string {
  return template.replace(/<html[^>]*>/, `<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"${forApp ? ' data-server-language' : ''}>`);
}

function clinicScript(clinic: ClinicOut): string {
  return `<script id="${CLINIC_SETTINGS_ELEMENT_ID}" type="application/json">${jsonForScript(clinic)}</script>`;
}

/**
 * In the head of every page the server draws: the browser paints nothing until the page's <main> has
 * been parsed to its end (Chromium 124+; other browsers ignore it). A drawn page can reach the parser in
 * pieces (a slow network, a busy phone); painted half-way, a header whose language switch has not yet
 * arrived is laid out narrower and taller, and moves when the rest comes (measured: 0.004 of layout
 * shift when the first paint fell inside the language switch). The footer after <main> still streams.
 */
const PAINT_WITH_MAIN = '<link rel="expect" href="#main" blocking="render">';

/**
 * The app's page (every address the app routes in the browser): the template with the settings, the language and what to preload;
 * with `drawn`, the first screen the server rendered is in #root (and its title in <head>) until the app takes over (main.tsx).
 */
export function appPage(
  template: string,
  language: Language,
  clinic: ClinicOut,
  preloads: readonly string[] = [],
  drawn?: { html: string; title: string },
): string {
  if (!drawn) return withLanguage(template, language, true).replace(/\s*<\/head>/, `\n    ${[...preloads, clinicScript(clinic)].join('\n    ')}\n  </head>`);
  // The drawn page paints from its HTML and styles alone; its script starts after that paint
  // (web/public/load-app-after-paint.js), and nothing is preloaded, so on a slow network the styles
  // the first paint waits for have the bandwidth to themselves. The data scripts stay.
  const data = preloads.filter((tag) => tag.startsWith('<script'));
  return withLanguage(template, language, true)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(drawn.title)}</title>`)
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace(
      /<script type="module" crossorigin src="([^"]+)"><\/script>/,
      (_tag, entry: string) => `<script src="/${AFTER_PAINT_LOADER}" data-entry="${entry}" defer></script>`,
    )
    .replace(/\s*<\/head>/, `\n    ${[PAINT_WITH_MAIN, ...data, clinicScript(clinic)].join('\n    ')}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root" data-drawn-in="${language}">${drawn.html}</div>`);
}

/** packages/web/public/load-app-after-paint.js, copied as it is to the build's root. */
const AFTER_PAINT_LOADER = 'load-app-after-paint.js';

/** A server-rendered public page: the template's styles, the page's head and markup, and no app script. */
export function renderedPage(
  template: string,
  language: Language,
  page: { path: string; html: string; title: string; description: string; jsonLd: object[] },
  origin: string,
): string {
  const head = [
    PAINT_WITH_MAIN,
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

  /** The last first screen drawn per page and language, kept while the clinic's data is the same. */
  const drawnScreens = new Map<string, { data: string; drawn: { html: string; title: string } }>();

  /**
   * /book with no choice made yet: its first step (the services) drawn by the web build's renderer,
   * so the page's largest text shows before the app's script has run. Later steps (a choice in the
   * address) are the app's alone.
   */
  async function drawFirstScreen(request: FastifyRequest, path: string, language: Language, clinic: ClinicOut, inPage: { id: string; value: unknown }[]) {
    if (!renderer?.PUBLIC_PAGES.book || path !== '/book') return undefined;
    const query = request.query as Record<string, unknown>;
    if (Object.keys(query).some((name) => name !== 'lang')) return undefined;
    // The services the page carries as JSON (first-screen-data.ts): the drawn list is the app's first list.
    const services = inPage.find(({ id }) => id === SERVICES_ELEMENT_ID)?.value as ServiceOut[] | undefined;
    if (!services) return undefined;
    const data = JSON.stringify({ clinic, services });
    const key = `${path}|${language}`;
    let screen = drawnScreens.get(key);
    if (screen?.data !== data) {
      const result = await renderer.renderPublicPage('book', language, { clinic, services }, origin);
      screen = { data, drawn: { html: result.html, title: result.title } };
      drawnScreens.set(key, screen);
    }
    return screen.drawn;
  }

  async function sendAppPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { language, explicit } = pageLanguage(request);
    if (explicit) reply.header('set-cookie', `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`);
    const path = request.url.split('?')[0] ?? '/';
    const [clinic, inPage] = await Promise.all([readPublicClinic(app.ctx.db), firstScreenData(app.ctx.db, path)]);
    const data = inPage.map(({ id, value }) => `<script id="${id}" type="application/json">${jsonForScript(value)}</script>`);
    const drawn = await drawFirstScreen(request, path, language, clinic, inPage);
    return sendHtml(reply, appPage(template, language, clinic, [...preloadLinks(template, manifest, path), ...data], drawn));
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
        [
          'User-agent: *',
          'Disallow: /api/',
          'Disallow: /staff',
          'Disallow: /booking/',
          'Disallow: /intake/',
          'Disallow: /portal',
          '',
          `Sitemap: ${origin}/sitemap.xml`,
          '',
        ].join('\n'),
      ),
  );

  app.get('/sitemap.xml', { config: { access: PUBLIC }, schema: { hide: true } }, async (_request, reply) => {
    const paths = renderer ? [...new Set([...Object.values(renderer.PUBLIC_PAGES).map((page) => page.path), '/book'])] : ['/', '/book'];
    // The education library's pages (education/education-pages.ts), rendered by the server itself.
    paths.push(...(await listEducationPaths(app.ctx.db)));
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
