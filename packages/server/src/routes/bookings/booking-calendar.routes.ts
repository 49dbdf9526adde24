import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BookingCalendarOut, ManageParams, ManageQuery } from '@myomap/contract/bookings/bookings.schemas';
import { PATIENT_TOKEN } from '../../lib/route-access.ts';
import { buildBookingCalendar } from '../../scheduling/build-booking-calendar.ts';

/** The patient's "Add to calendar" download (scheduling/build-booking-calendar.ts): one UID per visit everywhere. */
export const bookingCalendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/bookings/:reference/calendar.ics',
    {
      config: { access: PATIENT_TOKEN },
      schema: {
        operationId: 'getBookingCalendar',
        summary: 'The booking as an iCalendar file, with the UID and SEQUENCE of its emails',
        tags: ['public'],
        params: ManageParams,
        querystring: ManageQuery,
        response: { 200: BookingCalendarOut },
      },
    },
    async (request, reply) => {
      // Built first: an unknown reference or token answers 404 before any header names a file.
      const ics = await buildBookingCalendar(app.ctx, request.params.reference, request.query.token);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="appointment.ics"').send(ics);
    },
  );
};
