import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ArticleDraftIn,
  ArticleListItemOut,
  ArticleParams,
  ArticlePreviewIn,
  ArticlePreviewOut,
  ArticleVersionOut,
  ArticleVersionParams,
  ArticleVersionSummaryOut,
} from '@myomap/contract/education/education.schemas';
import { listArticles, listArticleVersions, moveArticle, readArticleVersion, saveDraft } from '../../education/manage-articles.ts';
import { renderMarkdown } from '../../education/render-markdown.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { profileRoutes } from './profiles.routes.ts';
import { questionRoutes } from './questions.routes.ts';
import { withdrawRoutes } from './withdraw.routes.ts';

/** The education library for staff (issue 15): read, edit in Markdown, preview, submit, approve (physician), publish. */
export const articleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['education'];
  for (const routes of [questionRoutes, profileRoutes, withdrawRoutes]) await app.register(routes);

  app.get(
    '/staff/articles',
    {
      config: { access: permit('article.read') },
      schema: {
        operationId: 'listArticles',
        summary: 'Every article and language, with its published and open version',
        tags,
        response: { 200: Type.Array(ArticleListItemOut) },
      },
    },
    async () => listArticles(app.ctx),
  );

  app.get(
    '/staff/articles/:slug/:lang/versions',
    {
      config: { access: permit('article.read') },
      schema: {
        operationId: 'listArticleVersions',
        summary: 'An article’s versions, newest first',
        tags,
        params: ArticleParams,
        response: { 200: Type.Array(ArticleVersionSummaryOut) },
      },
    },
    async (request) => listArticleVersions(app.ctx, request.params.slug, request.params.lang),
  );

  app.get(
    '/staff/articles/:slug/:lang/versions/:version',
    {
      config: { access: permit('article.read') },
      schema: {
        operationId: 'getArticleVersion',
        summary: 'One version with its Markdown',
        tags,
        params: ArticleVersionParams,
        response: { 200: ArticleVersionOut },
      },
    },
    async (request) => readArticleVersion(app.ctx, request.params.slug, request.params.lang, request.params.version),
  );

  app.put(
    '/staff/articles/:slug/:lang/draft',
    {
      config: { access: permit('article.write') },
      bodyLimit: BODY_LIMITS.form * 4,
      schema: {
        operationId: 'saveArticleDraft',
        summary: 'Save the draft (a new version when none is open)',
        tags,
        params: ArticleParams,
        body: ArticleDraftIn,
        response: { 200: ArticleVersionOut },
      },
    },
    async (request) => saveDraft(app.ctx, request.params.slug, request.params.lang, request.body, staffActor(request)),
  );

  app.post(
    '/staff/articles/preview',
    {
      config: { access: permit('article.write') },
      bodyLimit: BODY_LIMITS.form * 4,
      schema: {
        operationId: 'previewArticle',
        summary: 'Markdown rendered as the public page renders it',
        tags,
        body: ArticlePreviewIn,
        response: { 200: ArticlePreviewOut },
      },
    },
    async (request) => ({ html: renderMarkdown(request.body.body) }),
  );

  for (const [step, action, operationId, summary] of [
    ['submit', 'article.write', 'submitArticle', 'Submit the draft for review'],
    ['approve', 'article.approve', 'approveArticle', 'Approve the clinical content (physician)'],
    ['publish', 'article.publish', 'releaseArticle', 'Publish the approved version (release it to readers)'],
  ] as const) {
    app.post(
      `/staff/articles/:slug/:lang/${step}`,
      {
        config: { access: permit(action), errors: ['illegal_transition'] },
        bodyLimit: BODY_LIMITS.form,
        schema: { operationId, summary, tags, params: ArticleParams, response: { 200: ArticleVersionOut } },
      },
      async (request) => moveArticle(app.ctx, request.params.slug, request.params.lang, step, staffActor(request)),
    );
  }
};
