import type { FastifyPluginAsync } from 'fastify';
import { adminCatalogRoutes } from './admin-catalog.routes.ts';
import { adminExceptionRoutes } from './admin-exceptions.routes.ts';
import { adminRecordRoutes } from './admin-records.routes.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { calendarFeedRoutes } from './calendar-feed.routes.ts';
import { staffCatalogRoutes } from './staff-catalog.routes.ts';
import { suspiciousBookingRoutes } from './suspicious-bookings.routes.ts';

/** Staff-only routes; each declares the action it needs in `config.access`. */
export const staffRoutes: FastifyPluginAsync = async (app) => {
  await app.register(calendarRoutes);
  await app.register(staffCatalogRoutes);
  await app.register(adminCatalogRoutes);
  await app.register(adminExceptionRoutes);
  await app.register(adminRecordRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(suspiciousBookingRoutes);
};
