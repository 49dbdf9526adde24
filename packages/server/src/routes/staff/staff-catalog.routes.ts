import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { StaffPractitioner, StaffRoom, StaffService } from '@myomap/contract/staff/catalog-admin.schemas';
import { permit } from '../../lib/route-access.ts';
import { listStaffPractitioners, listStaffRooms, listStaffServices } from '../../staff/list-staff-catalog.ts';

const read = { access: permit('catalog.read') };

/** Practitioners, services and rooms as every staff member reads them (the calendar needs them). */
export const staffCatalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/practitioners',
    {
      config: read,
      schema: {
        operationId: 'listStaffPractitioners',
        summary: 'Every practitioner, for staff screens',
        tags: ['staff'],
        response: { 200: Type.Array(StaffPractitioner) },
      },
    },
    async () => listStaffPractitioners(app.ctx),
  );
  app.get(
    '/staff/services',
    {
      config: read,
      schema: { operationId: 'listStaffServices', summary: 'Every service, for staff screens', tags: ['staff'], response: { 200: Type.Array(StaffService) } },
    },
    async () => listStaffServices(app.ctx),
  );
  app.get(
    '/staff/rooms',
    { config: read, schema: { operationId: 'listRooms', summary: 'Every treatment room', tags: ['staff'], response: { 200: Type.Array(StaffRoom) } } },
    async () => listStaffRooms(app.ctx),
  );
};
