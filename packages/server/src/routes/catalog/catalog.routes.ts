import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listPractitioners } from '../../stores/catalog-store.ts';
import { readPublicClinic, readPublicServices } from '../../public-site/read-public-site.ts';
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
    () => readPublicClinic(app.ctx.db),
  );

  app.get(
    '/services',
    {
      config: { access: PUBLIC },
      schema: { operationId: 'listServices', summary: 'Services patients can book online', tags: ['public'], response: { 200: Type.Array(ServiceOut) } },
    },
    () => readPublicServices(app.ctx.db),
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
