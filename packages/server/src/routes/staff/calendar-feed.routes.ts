import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarFeedLinkOut,
  CalendarFeedOut,
  CalendarFeedParams,
  CalendarFeedPractitionerParams,
  CalendarFeedQuery,
} from '@myomap/contract/staff/calendar-feed.schemas';
import { CALENDAR_TOKEN, permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { buildCalendarFeed } from '../../staff/build-calendar-feed.ts';
import { readOwnCalendarFeed, rotateCalendarFeed, rotateOwnCalendarFeed } from '../../staff/manage-calendar-feed.ts';

/** A private iCalendar feed per practitioner (staff/build-calendar-feed.ts), and its link (staff/manage-calendar-feed.ts). */
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

  app.get(
    '/staff/account/calendar-feed',
    {
      config: { access: permit('calendar.feed.own') },
      schema: {
        operationId: 'getOwnCalendarFeed',
        summary: 'The signed-in practitioner’s calendar feed link, to subscribe to on their phone',
        tags: ['staff'],
        response: { 200: CalendarFeedLinkOut },
      },
    },
    async (request) => readOwnCalendarFeed(app.ctx, request.staff),
  );

  app.post(
    '/staff/account/calendar-feed/rotate',
    {
      config: { access: permit('calendar.feed.own') },
      schema: {
        operationId: 'rotateOwnCalendarFeed',
        summary: 'A new calendar feed link for the signed-in practitioner; the old one stops working',
        tags: ['staff'],
        response: { 200: CalendarFeedLinkOut },
      },
    },
    async (request) => rotateOwnCalendarFeed(app.ctx, request.staff, staffActor(request)),
  );

  app.post(
    '/staff/practitioners/:practitionerId/calendar-feed/rotate',
    {
      config: { access: permit('calendar.feed.manage') },
      schema: {
        operationId: 'rotateCalendarFeed',
        summary: 'A new calendar feed link for any practitioner (admin); the old one stops working',
        tags: ['staff'],
        params: CalendarFeedPractitionerParams,
        response: { 200: CalendarFeedLinkOut },
      },
    },
    async (request) => rotateCalendarFeed(app.ctx, request.params.practitionerId, staffActor(request)),
  );
};
