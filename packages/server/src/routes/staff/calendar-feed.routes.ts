import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CalendarFeedOut, CalendarFeedParams, CalendarFeedQuery } from '@myomap/contract/staff/calendar-feed.schemas';
import { CALENDAR_TOKEN } from '../../lib/route-access.ts';
import { buildCalendarFeed } from '../../staff/build-calendar-feed.ts';

/** A private iCalendar feed per practitioner (staff/build-calendar-feed.ts). */
export const calendarFeedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/:practitionerId/feed.ics',
    {
      config: { access: CALENDAR_TOKEN },
      schema: {
        operationId: 'getCalendarFeed',
        summary: "A practitioner's private iCalendar feed",
        tags: ['staff'],
        params: CalendarFeedParams,
        querystring: CalendarFeedQuery,
        response: { 200: CalendarFeedOut },
      },
    },
    async (request, reply) =>
      reply.type('text/calendar; charset=utf-8').send(await buildCalendarFeed(app.ctx, request.params.practitionerId, request.query.token)),
  );
};
