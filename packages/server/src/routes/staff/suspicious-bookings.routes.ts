import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { KeptOut, ReleasedOut, SuspiciousBooking, SuspiciousBookingParams } from '@myomap/contract/staff/suspicious-bookings.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { keepSuspiciousBooking, listSuspiciousBookings, releaseSuspiciousBooking } from '../../staff/review-suspicious-bookings.ts';

/** Flagged online bookings: reception keeps or releases each (staff/review-suspicious-bookings.ts). */
export const suspiciousBookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const access = { access: permit('bookings.review') };
  app.get(
    '/staff/suspicious-bookings',
    {
      config: access,
      schema: {
        operationId: 'listSuspiciousBookings',
        summary: 'Upcoming online bookings the abuse rule flagged, for review',
        tags: ['staff'],
        response: { 200: Type.Array(SuspiciousBooking) },
      },
    },
    async () => listSuspiciousBookings(app.ctx),
  );
  app.post(
    '/staff/suspicious-bookings/:id/release',
    {
      config: access,
      schema: {
        operationId: 'releaseSuspiciousBooking',
        summary: 'Cancel a flagged booking, freeing the slot and telling the contact',
        tags: ['staff'],
        params: SuspiciousBookingParams,
        response: { 200: ReleasedOut },
      },
    },
    async (request) => releaseSuspiciousBooking(app.ctx, request.params.id, staffActor(request)),
  );
  app.post(
    '/staff/suspicious-bookings/:id/keep',
    {
      config: access,
      schema: {
        operationId: 'keepSuspiciousBooking',
        summary: 'Keep a flagged booking (it was real)',
        tags: ['staff'],
        params: SuspiciousBookingParams,
        response: { 200: KeptOut },
      },
    },
    async (request) => keepSuspiciousBooking(app.ctx, request.params.id, staffActor(request)),
  );
};
