import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ReferralOut, ReferralParams, ResultIn, ResultReviewedOut, ResultReviewIn } from '@myomap/contract/referrals/referrals.schemas';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { AppError } from '../../lib/app-error.ts';
import { attachResultReport } from '../../referrals/attach-result-report.ts';
import { recordReferralResult, reviewResult } from '../../referrals/referral-results.ts';

/** Results back (issue 14): recorded by those who treat, reviewed by a physician. */
export const referralResultRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['referrals'];
  const steps = ['illegal_transition'] as const;

  app.post(
    '/staff/referrals/:id/result',
    {
      config: { access: permit('referral.result.record'), errors: [...steps] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'recordReferralResult',
        summary: 'Record the result that came back',
        tags,
        params: ReferralParams,
        body: ResultIn,
        response: { 200: ReferralOut },
      },
    },
    async (request) => recordReferralResult(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/referrals/:id/result/review',
    {
      config: { access: permit('referral.result.review'), errors: [...steps, 'clearance_reason_required'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'recordReferralResultReview',
        summary: 'Review a result: clear, change the plan, or refer on',
        tags,
        params: ReferralParams,
        body: ResultReviewIn,
        response: { 200: ResultReviewedOut },
      },
    },
    async (request) => reviewResult(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/referrals/:id/result/report',
    {
      config: { access: permit('referral.result.record'), multipart: true, errors: [...steps, 'conflict'] },
      schema: {
        operationId: 'uploadReferralResultReport',
        summary: "Attach the result's report (one PDF, at most 8 MB), stored immutably with its SHA-256",
        tags,
        params: ReferralParams,
        response: { 200: ReferralOut },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Upload the report as multipart/form-data.');
      return attachResultReport(app.ctx, request.params.id, await request.file(), staffActor(request));
    },
  );
};
