import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../lib/app-error.ts';
import { daysBetween, isRealDate } from '../../lib/zoned-time.ts';
import { AvailabilityCache } from '../../scheduling/availability-cache.ts';
import { findAvailability } from '../../scheduling/find-availability.ts';
import { findService } from '../../stores/catalog-store.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { PUBLIC } from '../../lib/route-access.ts';
import { AvailabilityOut, AvailabilityQuery } from '@myomap/contract/scheduling/availability.schemas';

export const MAX_RANGE_DAYS = 92;

export const availabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cache = new AvailabilityCache<AvailabilityOut>();
  app.get(
    '/availability',
    {
      config: { access: PUBLIC },
      schema: {
        operationId: 'getAvailability',
        summary: 'Open slots for a service in a date range',
        tags: ['public'],
        querystring: AvailabilityQuery,
        response: { 200: AvailabilityOut },
      },
    },
    async (request) => {
      const { serviceId, from, to, practitionerId } = request.query;
      if (!isRealDate(from) || !isRealDate(to)) throw new AppError('validation_failed', 'from and to must be real calendar dates (YYYY-MM-DD).');
      const span = daysBetween(from, to);
      if (span < 0) throw new AppError('invalid_range', '`from` must not be after `to`.');
      if (span + 1 > MAX_RANGE_DAYS) throw new AppError('invalid_range', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
      const { db, clock } = app.ctx;
      const now = clock.now();
      return cache.get(db, JSON.stringify([serviceId, practitionerId ?? '', from, to]), now, async () => {
        const clinic = await loadClinic(db);
        const service = await findService(db, serviceId);
        if (!service || !service.active || !service.bookableOnline) throw new AppError('unknown_service', 'No such service is bookable online.');
        const slots = await findAvailability(db, { clinic, service, practitionerId, fromDate: from, toDate: to, now, online: true });
        return { timeZone: clinic.timeZone, slots: slots.map(({ start, end, practitionerId: p }) => ({ start, end, practitionerId: p })) };
      });
    },
  );
};
