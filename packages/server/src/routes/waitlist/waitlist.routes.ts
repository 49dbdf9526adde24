import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BookingOut } from '@myomap/contract/bookings/bookings.schemas';
import { DeclinedOut, JoinWaitlistIn, OfferParams, WaitlistEntryOut, WaitlistOfferOut } from '@myomap/contract/scheduling/waitlist.schemas';
import { AppError } from '../../lib/app-error.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { PATIENT_TOKEN, PUBLIC } from '../../lib/route-access.ts';
import { publicActor } from '../../lib/staff-session.ts';
import { daysBetween, isRealDate } from '../../lib/zoned-time.ts';
import { acceptOffer, declineOffer, joinWaitlist, viewOffer } from '../../scheduling/waitlist.ts';

const MAX_WAITLIST_DAYS = 92;

/** The waitlist: join for a date range; a freed slot is held and offered by a link (scheduling/waitlist.ts). */
export const waitlistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/waitlist',
    {
      config: { access: PUBLIC, errors: ['unknown_service', 'unknown_practitioner'], rateLimit: { max: 60, timeWindow: '1 minute' } },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'joinWaitlist',
        summary: 'Join the waitlist for a service',
        tags: ['public'],
        body: JoinWaitlistIn,
        response: { 201: WaitlistEntryOut },
      },
    },
    async (request, reply) => {
      const { dateFrom, dateTo } = request.body;
      if (!isRealDate(dateFrom) || !isRealDate(dateTo)) throw new AppError('validation_failed', 'Dates must be real calendar dates.');
      const span = daysBetween(dateFrom, dateTo);
      if (span < 0) throw new AppError('invalid_range', '`dateFrom` must not be after `dateTo`.');
      if (span + 1 > MAX_WAITLIST_DAYS) throw new AppError('invalid_range', `Join the waitlist for at most ${MAX_WAITLIST_DAYS} days at a time.`);
      return reply.status(201).send(await joinWaitlist(app.ctx, request.body, publicActor(request)));
    },
  );

  app.get(
    '/waitlist/offers/:token',
    {
      config: { access: PATIENT_TOKEN },
      schema: {
        operationId: 'getWaitlistOffer',
        summary: 'A slot offered to someone on the waitlist',
        tags: ['public'],
        params: OfferParams,
        response: { 200: WaitlistOfferOut },
      },
    },
    async (request) => viewOffer(app.ctx, request.params.token),
  );

  app.post(
    '/waitlist/offers/:token/accept',
    {
      config: { access: PATIENT_TOKEN, errors: ['offer_expired'] },
      bodyLimit: BODY_LIMITS.form,
      schema: { operationId: 'acceptWaitlistOffer', summary: 'Take the offered slot', tags: ['public'], params: OfferParams, response: { 200: BookingOut } },
    },
    async (request) => acceptOffer(app.ctx, request.params.token, publicActor(request)),
  );

  app.post(
    '/waitlist/offers/:token/decline',
    {
      config: { access: PATIENT_TOKEN, errors: ['offer_expired'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'declineWaitlistOffer',
        summary: 'Turn the offered slot down',
        tags: ['public'],
        params: OfferParams,
        response: { 200: DeclinedOut },
      },
    },
    async (request) => declineOffer(app.ctx, request.params.token, publicActor(request)),
  );
};
