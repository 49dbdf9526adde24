import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ArticleSlugParams,
  AskQuestionIn,
  AskQuestionOut,
  ModerateQuestionIn,
  QuestionOut,
  QuestionParams,
  QuestionQuery,
} from '@myomap/contract/education/education.schemas';
import { askQuestion, listModerationQueue, moderateQuestion, QUESTION_RATE_LIMIT } from '../../education/article-questions.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit, PUBLIC } from '../../lib/route-access.ts';
import { publicActor, staffActor } from '../../lib/staff-session.ts';

/** "Leave a reply": the public question and staff moderation (answer and publish, reject, or answer privately). */
export const questionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/articles/:slug/questions',
    {
      config: { access: PUBLIC, rateLimit: QUESTION_RATE_LIMIT },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'submitArticleQuestion',
        summary: 'Ask a question under an article (held for moderation)',
        tags: ['public'],
        params: ArticleSlugParams,
        body: AskQuestionIn,
        response: { 201: AskQuestionOut },
      },
    },
    async (request, reply) => reply.status(201).send(await askQuestion(app.ctx, request.params.slug, request.body, publicActor(request))),
  );

  app.get(
    '/staff/questions',
    {
      config: { access: permit('question.moderate') },
      schema: {
        operationId: 'listArticleQuestions',
        summary: 'The moderation queue (pending first by age), or questions in one status',
        tags: ['education'],
        querystring: QuestionQuery,
        response: { 200: Type.Array(QuestionOut) },
      },
    },
    async (request) => listModerationQueue(app.ctx, request.query.status ?? 'pending', staffActor(request)),
  );

  app.post(
    '/staff/questions/:id/moderate',
    {
      config: { access: permit('question.moderate'), errors: ['illegal_transition', 'personal_health_details'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'recordQuestionModeration',
        summary: 'Publish with an answer, reject, or answer privately by email',
        tags: ['education'],
        params: QuestionParams,
        body: ModerateQuestionIn,
        response: { 200: QuestionOut },
      },
    },
    async (request) => moderateQuestion(app.ctx, request.params.id, request.body, staffActor(request)),
  );
};
