import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AppointmentIdParams,
  AppointmentOut,
  BlockOut,
  CalendarOut,
  CalendarQuery,
  CancelAppointmentIn,
  MoveAppointmentIn,
  NewAppointmentIn,
  NewBlockIn,
} from '@myomap/contract/staff/calendar.schemas';
import { permit } from '../../lib/route-access.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { cancelAppointment } from '../../staff/cancel-appointment.ts';
import { createAppointment } from '../../staff/create-appointment.ts';
import { createBlock } from '../../staff/create-block.ts';
import { listCalendar } from '../../staff/list-calendar.ts';
import { moveAppointment } from '../../staff/move-appointment.ts';

/** The staff calendar: read a range, book, move and cancel visits, block time. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/calendar',
    {
      config: { access: permit('calendar.read') },
      schema: {
        operationId: 'getStaffCalendar',
        summary: 'Appointments and blocks in a date range, for the staff calendar',
        tags: ['staff'],
        querystring: CalendarQuery,
        response: { 200: CalendarOut },
      },
    },
    async (request) => listCalendar(app.ctx, request.query),
  );

  app.post(
    '/staff/appointments',
    {
      config: { access: permit('calendar.write'), errors: ['slot_unavailable'] },
      schema: {
        operationId: 'createStaffAppointment',
        summary: 'Book an appointment from the staff calendar',
        tags: ['staff'],
        body: NewAppointmentIn,
        response: { 201: AppointmentOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createAppointment(app.ctx, request.body, staffActor(request))),
  );

  app.patch(
    '/staff/appointments/:id',
    {
      config: { access: permit('calendar.write'), errors: ['slot_unavailable'] },
      schema: {
        operationId: 'updateStaffAppointment',
        summary: 'Move or change an appointment',
        tags: ['staff'],
        params: AppointmentIdParams,
        body: MoveAppointmentIn,
        response: { 200: AppointmentOut },
      },
    },
    async (request) => moveAppointment(app.ctx, request.params.id, request.body, staffActor(request)),
  );

  app.post(
    '/staff/appointments/:id/cancel',
    {
      config: { access: permit('calendar.write') },
      schema: {
        operationId: 'cancelStaffAppointment',
        summary: 'Cancel an appointment from the staff calendar',
        tags: ['staff'],
        params: AppointmentIdParams,
        body: CancelAppointmentIn,
        response: { 200: AppointmentOut },
      },
    },
    async (request) => cancelAppointment(app.ctx, request.params.id, request.body?.reason, staffActor(request)),
  );

  app.post(
    '/staff/blocks',
    {
      config: { access: permit('calendar.write'), errors: ['slot_unavailable'] },
      schema: {
        operationId: 'createCalendarBlock',
        summary: "Block time in a practitioner's or room's calendar",
        tags: ['staff'],
        body: NewBlockIn,
        response: { 201: BlockOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createBlock(app.ctx, request.body, staffActor(request))),
  );
};
