import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readPublicClinic, readPublicServices } from '../public-site/read-public-site.ts';
import { publicActor } from '../lib/staff-session.ts';
import { PUBLIC } from '../lib/route-access.ts';
import { AppError } from '../lib/app-error.ts';
import { pageLanguage, renderedPage } from '../lib/web-pages.ts';
import { listPublishedQuestions } from '../stores/article-question-store.ts';
import { findPublishedVersion, listPublishedVersions, listTeam } from '../stores/article-store.ts';
import { askQuestion, QUESTION_RATE_LIMIT } from './article-questions.ts';
import { renderNotFound, renderTooManyQuestions } from './education-error-pages.ts';
import { localPath, renderArticle, renderLibrary, renderTeam, type EducationPage, type Lang } from './education-pages.ts';

const LANGUAGE_COOKIE = 'myomap_lang';
const ONE_YEAR_SECONDS = 31_536_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * /learn, /learn/:slug and /team, rendered here on every request (a published article or answer is
 * seen at once), inside the web build's index.html without its app script. The question form posts
 * an ordinary HTML form to /learn/:slug/questions and is answered with a redirect back to the article
 * (303, so a reload does not post again). Does nothing without a web build, like lib/web-pages.ts.
 */
export async function registerEducationPages(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) return;
  const template = readFileSync(indexFile, 'utf8');
  const origin = app.ctx.config.publicUrl;

  function language(request: FastifyRequest, reply: FastifyReply): Lang {
    const { language: lang, explicit } = pageLanguage(request);
    if (explicit) reply.header('set-cookie', `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`);
    return lang;
  }

  function send(reply: FastifyReply, lang: Lang, page: EducationPage): FastifyReply {
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding, cookie')
      .send(renderedPage(template, lang, page, origin));
  }

  // An error page is not a page to index: no canonical or language alternates, and noindex.
  async function sendError(reply: FastifyReply, status: 404 | 429, lang: Lang, render: typeof renderNotFound, path: string): Promise<FastifyReply> {
    const html = renderedPage(template, lang, render(await readPublicClinic(app.ctx.db), lang, path), origin)
      .replace(/\s*<link rel="(canonical|alternate)"[^>]*>/g, '')
      .replace(/\s*<\/head>/, '\n    <meta name="robots" content="noindex">\n  </head>');
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding, cookie').send(html);
  }

  const page = { config: { access: PUBLIC }, schema: { hide: true } } as const;

  app.get('/learn', page, async (request, reply) => {
    const lang = language(request, reply);
    const [clinic, articles] = await Promise.all([readPublicClinic(app.ctx.db), listPublishedVersions(app.ctx.db, lang)]);
    return send(reply, lang, renderLibrary(clinic, lang, origin, articles));
  });

  app.get('/team', page, async (request, reply) => {
    const lang = language(request, reply);
    const [clinic, team] = await Promise.all([readPublicClinic(app.ctx.db), listTeam(app.ctx.db)]);
    return send(reply, lang, renderTeam(clinic, lang, origin, team));
  });

  app.get<{ Params: { slug: string }; Querystring: { asked?: string } }>('/learn/:slug', page, async (request, reply) => {
    const lang = language(request, reply);
    const slug = request.params.slug;
    const article = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? await findPublishedVersion(app.ctx.db, slug, lang) : undefined;
    if (!article) return sendError(reply, 404, lang, renderNotFound, `/learn/${slug}`);
    const [clinic, services, questions] = await Promise.all([
      readPublicClinic(app.ctx.db),
      readPublicServices(app.ctx.db),
      listPublishedQuestions(app.ctx.db, slug, lang),
    ]);
    const asked = request.query.asked;
    const notice = asked === '1' ? 'asked' : asked === 'invalid' ? 'invalid' : undefined;
    return send(reply, lang, renderArticle(clinic, services, lang, origin, article, questions, notice));
  });

  // Any deeper address under /learn (/learn/a/b) is a reader's mistyped link too: the same 404 page, not the API's JSON.
  app.get('/learn/*', page, async (request, reply) => sendError(reply, 404, language(request, reply), renderNotFound, request.url.split('?')[0] ?? '/learn'));

  // The form post: an HTML form's urlencoded body, parsed only in this scope (the API stays JSON-only).
  await app.register(async (scope) => {
    // A browser's form post that is refused (rate limit, no such article) gets a page in the form's
    // language; anything else, or a client that did not post a form, gets the API's JSON error.
    scope.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
      const status = 'statusCode' in error && error.statusCode === 429 ? 429 : error instanceof AppError && error.code === 'not_found' ? 404 : undefined;
      const fromForm = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      if (status === undefined || !fromForm) throw error;
      const slug = (request.params as { slug?: string }).slug ?? '';
      const body = request.body as Record<string, string> | undefined;
      const lang: Lang = body?.lang === 'ar' || (body === undefined && pageLanguage(request).language === 'ar') ? 'ar' : 'en';
      return sendError(reply, status, lang, status === 429 ? renderTooManyQuestions : renderNotFound, `/learn/${slug}`);
    });
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.post<{ Params: { slug: string }; Body: Record<string, string> }>(
      '/learn/:slug/questions',
      { config: { access: PUBLIC, rateLimit: QUESTION_RATE_LIMIT }, schema: { hide: true } },
      async (request, reply) => {
        const form = typeof request.body === 'object' && request.body !== null ? request.body : {};
        const lang: Lang = form.lang === 'ar' ? 'ar' : 'en';
        const slug = request.params.slug;
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) throw new AppError('not_found', 'No such article.');
        const email = (form.email ?? '').trim();
        const question = (form.question ?? '').trim();
        const name = (form.name ?? '').trim();
        const valid = EMAIL.test(email) && email.length <= 254 && question !== '' && question.length <= 2000 && name.length <= 100 && form.consent === 'yes';
        const back = (state: string) => reply.redirect(`${localPath(`/learn/${slug}`, lang, `asked=${state}`)}#questions`, 303);
        if (!valid) return back('invalid');
        await askQuestion(
          app.ctx,
          slug,
          { email, question, consent: true, lang, ...(name ? { name } : {}), ...(form.website ? { website: form.website } : {}) },
          publicActor(request),
        );
        return back('1');
      },
    );
  });
}
