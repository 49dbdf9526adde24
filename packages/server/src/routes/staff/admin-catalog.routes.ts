import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CatalogIdParams,
  PractitionerFields,
  PractitionerPatch,
  RoomFields,
  RoomPatch,
  SavedOut,
  ServiceFields,
  ServicePatch,
  StaffPractitioner,
  StaffRoom,
  StaffService,
  WeeklyScheduleIn,
  WeeklyScheduleOut,
} from '@myomap/contract/staff/catalog-admin.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { listStaffPractitioners, listStaffRooms, listStaffServices } from '../../staff/list-staff-catalog.ts';
import { saveCatalogEntry } from '../../staff/save-catalog-entry.ts';
import { saveWeeklySchedule } from '../../staff/save-weekly-schedule.ts';

const read = { access: permit('catalog.read') };
const manage = { access: permit('catalog.manage') };

/** Practitioners, services and rooms: every staff member reads them (the calendar needs them); admins change them. */
export const adminCatalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/staff/practitioners', { config: read, schema: { tags: ['staff'], response: { 200: Type.Array(StaffPractitioner) } } }, async () =>
    listStaffPractitioners(app.ctx),
  );
  app.get('/staff/services', { config: read, schema: { tags: ['staff'], response: { 200: Type.Array(StaffService) } } }, async () =>
    listStaffServices(app.ctx),
  );
  app.get('/staff/rooms', { config: read, schema: { tags: ['staff'], response: { 200: Type.Array(StaffRoom) } } }, async () => listStaffRooms(app.ctx));

  app.post(
    '/staff/practitioners',
    { config: manage, schema: { tags: ['admin'], body: PractitionerFields, response: { 201: SavedOut } } },
    async (request, reply) => reply.status(201).send(await saveCatalogEntry(app.ctx, 'practitioners', undefined, request.body, staffActor(request))),
  );
  app.patch(
    '/staff/practitioners/:id',
    { config: manage, schema: { tags: ['admin'], params: CatalogIdParams, body: PractitionerPatch, response: { 200: SavedOut } } },
    async (request) => saveCatalogEntry(app.ctx, 'practitioners', request.params.id, request.body, staffActor(request)),
  );
  app.post('/staff/services', { config: manage, schema: { tags: ['admin'], body: ServiceFields, response: { 201: SavedOut } } }, async (request, reply) =>
    reply.status(201).send(await saveCatalogEntry(app.ctx, 'services', undefined, request.body, staffActor(request))),
  );
  app.patch(
    '/staff/services/:id',
    { config: manage, schema: { tags: ['admin'], params: CatalogIdParams, body: ServicePatch, response: { 200: SavedOut } } },
    async (request) => saveCatalogEntry(app.ctx, 'services', request.params.id, request.body, staffActor(request)),
  );
  app.post('/staff/rooms', { config: manage, schema: { tags: ['admin'], body: RoomFields, response: { 201: SavedOut } } }, async (request, reply) =>
    reply.status(201).send(await saveCatalogEntry(app.ctx, 'rooms', undefined, request.body, staffActor(request))),
  );
  app.patch(
    '/staff/rooms/:id',
    { config: manage, schema: { tags: ['admin'], params: CatalogIdParams, body: RoomPatch, response: { 200: SavedOut } } },
    async (request) => saveCatalogEntry(app.ctx, 'rooms', request.params.id, request.body, staffActor(request)),
  );

  app.put(
    '/staff/practitioners/:id/schedule',
    { config: manage, schema: { tags: ['admin'], params: CatalogIdParams, body: WeeklyScheduleIn, response: { 200: WeeklyScheduleOut } } },
    async (request) => saveWeeklySchedule(app.ctx, request.params.id, request.body, staffActor(request)),
  );
};
