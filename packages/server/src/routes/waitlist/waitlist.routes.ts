import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { AppError } from '../../lib/app-error.ts';
import { publicActor } from '../../lib/staff-session.ts';
import { daysBetween, isRealDate } from '../../lib/zoned-time.ts';
import { acceptOffer, declineOffer, joinWaitlist, viewOffer } from '../../scheduling/waitlist.ts';
import { BookingOut, PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { PATIENT_TOKEN, PUBLIC } from '../../lib/route-access.ts';

const DatePattern = '^\\d{4}-\\d{2}-\\d{2}$';
const OfferParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

export const waitlistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/waitlist',
    {
      config: { access: PUBLIC, rateLimit: { max: 60, timeWindow: '1 minute' } },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        tags: ['public'],
        body: Type.Object(
          {
            serviceId: Type.String({ minLength: 1, maxLength: 100 }),
            practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            dateFrom: Type.String({ pattern: DatePattern }),
            dateTo: Type.String({ pattern: DatePattern }),
            patient: PatientIn,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { dateFrom, dateTo } = request.body;
      if (!isRealDate(dateFrom) || !isRealDate(dateTo)) throw new AppError('validation_failed', 'Dates must be real calendar dates.');
      const span = daysBetween(dateFrom, dateTo);
      if (span < 0) throw new AppError('invalid_range', '`dateFrom` must not be after `dateTo`.');
      if (span + 1 > 92) throw new AppError('invalid_range', 'Join the waitlist for at most 92 days at a time.');
      return reply.status(201).send(await joinWaitlist(app.ctx, request.body, publicActor(request)));
    },
  );

  app.get('/waitlist/offers/:token', { config: { access: PATIENT_TOKEN }, schema: { tags: ['public'], params: OfferParams } }, async (request) => viewOffer(app.ctx, request.params.token));

  app.post('/waitlist/offers/:token/accept', { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.form, schema: { tags: ['public'], params: OfferParams, response: { 200: BookingOut } } }, async (request) =>
    acceptOffer(app.ctx, request.params.token, publicActor(request)),
  );

  app.post('/waitlist/offers/:token/decline', { config: { access: PATIENT_TOKEN }, bodyLimit: BODY_LIMITS.form, schema: { tags: ['public'], params: OfferParams } }, async (request) =>
    declineOffer(app.ctx, request.params.token, publicActor(request)),
  );
};
