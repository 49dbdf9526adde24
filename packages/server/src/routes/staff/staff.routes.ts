import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from './admin.routes.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { calendarFeedRoutes } from './calendar-feed.routes.ts';
import { suspiciousBookingRoutes } from './suspicious-bookings.routes.ts';

/** Staff-only routes; each route checks the caller's role itself. */
export const staffRoutes: FastifyPluginAsync = async (app) => {
  await app.register(calendarRoutes);
  await app.register(adminRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(suspiciousBookingRoutes);
};
