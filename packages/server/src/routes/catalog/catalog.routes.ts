import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listPractitioners, listServices } from '../../stores/catalog-store.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { ClinicOut, PractitionerOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import { PUBLIC } from '../../lib/route-access.ts';

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/clinic',
    {
      config: { access: PUBLIC },
      schema: {
        operationId: 'getClinic',
        summary: "The clinic's name, address, time zone and booking policies",
        tags: ['public'],
        response: { 200: ClinicOut },
      },
    },
    async () => {
      const c = await loadClinic(app.ctx.db);
      return {
        name: c.name,
        address: c.address,
        phone: c.phone,
        email: c.email,
        timeZone: c.timeZone,
        cancellationWindowHours: c.cancellationWindowHours,
        minNoticeMinutes: c.minNoticeMinutes,
        horizonDays: c.horizonDays,
      };
    },
  );

  app.get(
    '/services',
    {
      config: { access: PUBLIC },
      schema: { operationId: 'listServices', summary: 'Services patients can book online', tags: ['public'], response: { 200: Type.Array(ServiceOut) } },
    },
    async () => {
      const [services, practitioners] = await Promise.all([listServices(app.ctx.db, true), listPractitioners(app.ctx.db, true)]);
      return services.map((s) => ({
        id: s.id,
        name: s.name.en,
        names: s.name,
        description: s.description,
        durationMinutes: s.durationMinutes,
        practitionerKind: s.practitionerKind,
        priceAed: s.priceAed,
        practitionerIds: practitioners.filter((p) => p.serviceIds.includes(s.id)).map((p) => p.id),
      }));
    },
  );

  app.get(
    '/practitioners',
    {
      config: { access: PUBLIC },
      schema: {
        operationId: 'listPractitioners',
        summary: 'Practitioners who take online bookings',
        tags: ['public'],
        response: { 200: Type.Array(PractitionerOut) },
      },
    },
    async () => {
      const practitioners = await listPractitioners(app.ctx.db, true);
      return practitioners.map((p) => ({
        id: p.id,
        name: p.name.en,
        names: p.name,
        title: p.title,
        kind: p.kind,
        color: p.color,
        serviceIds: p.serviceIds,
      }));
    },
  );
};
