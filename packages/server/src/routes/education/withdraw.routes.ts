import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ArticleParams, ArticleWithdrawalOut, ArticleWithdrawIn } from '@myomap/contract/education/education.schemas';
import { withdrawArticle } from '../../education/withdraw-article.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';

/** Withdrawing the published version of an article (issue 15): readers see the previous one, or none. */
export const withdrawRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/articles/:slug/:lang/withdraw',
    {
      config: { access: permit('article.withdraw'), errors: ['illegal_transition'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'withdrawArticle',
        summary: 'Withdraw the published version (readers see the previous published version, or no page)',
        tags: ['education'],
        params: ArticleParams,
        body: ArticleWithdrawIn,
        response: { 200: ArticleWithdrawalOut },
      },
    },
    async (request) => withdrawArticle(app.ctx, request.params.slug, request.params.lang, request.body.reason, staffActor(request)),
  );
};
