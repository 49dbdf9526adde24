import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CatalogIdParams,
  PractitionerFields,
  PractitionerPatch,
  RoomFields,
  RoomPatch,
  SavedOut,
  ServiceFields,
  ServicePatch,
  WeeklyScheduleIn,
  WeeklyScheduleOut,
} from '@myomap/contract/staff/catalog-admin.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { saveCatalogEntry } from '../../staff/save-catalog-entry.ts';
import { saveWeeklySchedule } from '../../staff/save-weekly-schedule.ts';

const manage = { access: permit('catalog.manage') };

/** Practitioners, services and rooms: admins change them (staff-catalog.routes.ts lists them for every staff member). */
export const adminCatalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/staff/practitioners',
    {
      config: manage,
      schema: { operationId: 'createPractitioner', summary: 'Add a practitioner', tags: ['admin'], body: PractitionerFields, response: { 201: SavedOut } },
    },
    async (request, reply) => reply.status(201).send(await saveCatalogEntry(app.ctx, 'practitioners', undefined, request.body, staffActor(request))),
  );
  app.patch(
    '/staff/practitioners/:id',
    {
      config: manage,
      schema: {
        operationId: 'updatePractitioner',
        summary: 'Change a practitioner',
        tags: ['admin'],
        params: CatalogIdParams,
        body: PractitionerPatch,
        response: { 200: SavedOut },
      },
    },
    async (request) => saveCatalogEntry(app.ctx, 'practitioners', request.params.id, request.body, staffActor(request)),
  );
  app.post(
    '/staff/services',
    { config: manage, schema: { operationId: 'createService', summary: 'Add a service', tags: ['admin'], body: ServiceFields, response: { 201: SavedOut } } },
    async (request, reply) => reply.status(201).send(await saveCatalogEntry(app.ctx, 'services', undefined, request.body, staffActor(request))),
  );
  app.patch(
    '/staff/services/:id',
    {
      config: manage,
      schema: {
        operationId: 'updateService',
        summary: 'Change a service',
        tags: ['admin'],
        params: CatalogIdParams,
        body: ServicePatch,
        response: { 200: SavedOut },
      },
    },
    async (request) => saveCatalogEntry(app.ctx, 'services', request.params.id, request.body, staffActor(request)),
  );
  app.post(
    '/staff/rooms',
    { config: manage, schema: { operationId: 'createRoom', summary: 'Add a treatment room', tags: ['admin'], body: RoomFields, response: { 201: SavedOut } } },
    async (request, reply) => reply.status(201).send(await saveCatalogEntry(app.ctx, 'rooms', undefined, request.body, staffActor(request))),
  );
  app.patch(
    '/staff/rooms/:id',
    {
      config: manage,
      schema: {
        operationId: 'updateRoom',
        summary: 'Change a treatment room',
        tags: ['admin'],
        params: CatalogIdParams,
        body: RoomPatch,
        response: { 200: SavedOut },
      },
    },
    async (request) => saveCatalogEntry(app.ctx, 'rooms', request.params.id, request.body, staffActor(request)),
  );

  app.put(
    '/staff/practitioners/:id/schedule',
    {
      config: manage,
      schema: {
        operationId: 'replacePractitionerSchedule',
        summary: "Replace a practitioner's weekly working hours",
        tags: ['admin'],
        params: CatalogIdParams,
        body: WeeklyScheduleIn,
        response: { 200: WeeklyScheduleOut },
      },
    },
    async (request) => saveWeeklySchedule(app.ctx, request.params.id, request.body, staffActor(request)),
  );
};
