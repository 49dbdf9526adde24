import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { AppError } from '../../lib/app-error.ts';
import { publicActor } from '../../lib/staff-session.ts';
import { parseOffsetIso } from '../../lib/zoned-time.ts';
import { bookAppointment } from '../../scheduling/book-appointment.ts';
import { cancelBooking, rescheduleBooking, viewManagedBooking } from '../../scheduling/manage-booking.ts';
import {
  BookingDetailOut,
  BookingIn,
  BookingOut,
  IdempotencyHeaders,
  ManageParams,
  ManageQuery,
  RescheduleIn,
} from '@myomap/contract/bookings/bookings.schemas';
import { PATIENT_TOKEN, PUBLIC } from '../../lib/route-access.ts';

function parseStart(value: string): Date {
  const start = parseOffsetIso(value);
  if (!start) throw new AppError('validation_failed', '`start` must be a real time with an offset, e.g. 2026-12-01T09:30:00+04:00.');
  return start;
}

export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/bookings',
    {
      config: {
        access: PUBLIC,
        errors: ['slot_unavailable', 'unknown_service', 'idempotency_key_reused', 'booking_limit_reached'],
        rateLimit: { max: app.ctx.config.bookingRateLimitPerMinute, timeWindow: '1 minute' },
      },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'createBooking',
        summary: 'Book an appointment (safe to retry with the same Idempotency-Key)',
        tags: ['public'],
        headers: IdempotencyHeaders,
        body: BookingIn,
        response: { 200: BookingOut, 201: BookingOut },
      },
    },
    async (request, reply) => {
      const result = await bookAppointment(
        app.ctx,
        app.schedule.catalog,
        { ...request.body, start: parseStart(request.body.start) },
        publicActor(request),
        request.headers['idempotency-key'],
        request.body,
      );
      return reply.status(result.status as 201).send(result.body as never);
    },
  );

  app.get(
    '/bookings/:reference',
    {
      config: { access: PATIENT_TOKEN },
      schema: {
        operationId: 'getManagedBooking',
        summary: "A booking, seen through the patient's manage link",
        tags: ['public'],
        params: ManageParams,
        querystring: ManageQuery,
        response: { 200: BookingDetailOut },
      },
    },
    async (request) => viewManagedBooking(app.ctx, request.params.reference, request.query.token),
  );

  app.post(
    '/bookings/:reference/cancel',
    {
      config: { access: PATIENT_TOKEN, errors: ['cancellation_window_passed', 'conflict'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'cancelManagedBooking',
        summary: "Cancel a booking through the patient's manage link",
        tags: ['public'],
        params: ManageParams,
        querystring: ManageQuery,
        response: { 200: BookingDetailOut },
      },
    },
    async (request) => cancelBooking(app.ctx, { reference: request.params.reference, token: request.query.token }, publicActor(request)),
  );

  app.post(
    '/bookings/:reference/reschedule',
    {
      config: { access: PATIENT_TOKEN, errors: ['slot_unavailable', 'unknown_service', 'cancellation_window_passed', 'conflict'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'rescheduleManagedBooking',
        summary: "Move a booking to another slot through the patient's manage link",
        tags: ['public'],
        params: ManageParams,
        querystring: ManageQuery,
        body: RescheduleIn,
        response: { 200: BookingDetailOut },
      },
    },
    async (request) =>
      rescheduleBooking(
        app.ctx,
        { reference: request.params.reference, token: request.query.token },
        { start: parseStart(request.body.start), practitionerId: request.body.practitionerId },
        publicActor(request),
      ),
  );
};
