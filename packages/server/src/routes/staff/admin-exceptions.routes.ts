import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  DeletedOut,
  ExceptionIdParams,
  ScheduleException,
  ScheduleExceptionCreated,
  ScheduleExceptionIn,
} from '@myomap/contract/staff/schedule-exceptions.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { addScheduleException, removeScheduleException } from '../../staff/add-schedule-exception.ts';
import { listScheduleExceptions } from '../../stores/schedule-store.ts';

/** Closed days and extra hours: routine front-desk work. */
export const adminExceptionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/exceptions',
    { config: { access: permit('catalog.read') }, schema: { tags: ['staff'], response: { 200: Type.Array(ScheduleException) } } },
    async () => listScheduleExceptions(app.ctx.db),
  );
  app.post(
    '/staff/exceptions',
    { config: { access: permit('exceptions.write') }, schema: { tags: ['admin'], body: ScheduleExceptionIn, response: { 201: ScheduleExceptionCreated } } },
    async (request, reply) => reply.status(201).send(await addScheduleException(app.ctx, request.body, staffActor(request))),
  );
  app.delete(
    '/staff/exceptions/:id',
    { config: { access: permit('exceptions.write') }, schema: { tags: ['admin'], params: ExceptionIdParams, response: { 200: DeletedOut } } },
    async (request) => removeScheduleException(app.ctx, request.params.id, staffActor(request)),
  );
};
