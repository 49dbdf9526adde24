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
    {
      config: { access: permit('catalog.read') },
      schema: {
        operationId: 'listScheduleExceptions',
        summary: 'Holidays and one-off changes to working hours',
        tags: ['staff'],
        response: { 200: Type.Array(ScheduleException) },
      },
    },
    async () => listScheduleExceptions(app.ctx.db),
  );
  app.post(
    '/staff/exceptions',
    {
      config: { access: permit('exceptions.write') },
      schema: {
        operationId: 'createScheduleException',
        summary: 'Add a holiday or a one-off change to working hours',
        tags: ['admin'],
        body: ScheduleExceptionIn,
        response: { 201: ScheduleExceptionCreated },
      },
    },
    async (request, reply) => reply.status(201).send(await addScheduleException(app.ctx, request.body, staffActor(request))),
  );
  app.delete(
    '/staff/exceptions/:id',
    {
      config: { access: permit('exceptions.write') },
      schema: {
        operationId: 'deleteScheduleException',
        summary: 'Remove a holiday or a one-off change to working hours',
        tags: ['admin'],
        params: ExceptionIdParams,
        response: { 200: DeletedOut },
      },
    },
    async (request) => removeScheduleException(app.ctx, request.params.id, staffActor(request)),
  );
};
