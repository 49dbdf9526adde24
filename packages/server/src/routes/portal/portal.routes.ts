import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BookingDetailOut, RescheduleIn } from '@myomap/contract/bookings/bookings.schemas';
import { PortalRelationshipIn, PortalSessionOut, PortalVisitParams, PortalVisitsOut } from '@myomap/contract/portal/portal.schemas';
import { AppError } from '../../lib/app-error.ts';
import { BODY_LIMITS } from '../../lib/body-limits.ts';
import { portalActor, portalVisitor } from '../../lib/portal-session.ts';
import { portal } from '../../lib/route-access.ts';
import { parseOffsetIso } from '../../lib/zoned-time.ts';
import { recordPortalRelationship } from '../../portal/portal-session-view.ts';
import { readPortalVisits } from '../../portal/read-portal-visits.ts';
import { cancelBooking, rescheduleBooking } from '../../scheduling/manage-booking.ts';

const tags = ['portal'];

/** The signed-in patient's visits: list, cancel and move within the clinic's rules (the manage-link code, by session). */
export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/portal/visits',
    {
      config: { access: portal('portal.read') },
      schema: { operationId: 'listPortalVisits', summary: "The signed-in patient's upcoming and past visits", tags, response: { 200: PortalVisitsOut } },
    },
    async (request) => readPortalVisits(app.ctx, portalVisitor(request).patientId, portalActor(request)),
  );

  app.post(
    '/portal/visits/:id/cancel',
    {
      config: { access: portal('portal.visits.change'), errors: ['cancellation_window_passed', 'conflict'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'cancelPortalVisit',
        summary: 'Cancel one of the signed-in patient’s visits',
        tags,
        params: PortalVisitParams,
        response: { 200: BookingDetailOut },
      },
    },
    async (request) => cancelBooking(app.ctx, { appointmentId: request.params.id, patientId: portalVisitor(request).patientId }, portalActor(request)),
  );

  app.post(
    '/portal/visits/:id/reschedule',
    {
      config: { access: portal('portal.visits.change'), errors: ['slot_unavailable', 'unknown_service', 'cancellation_window_passed', 'conflict'] },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'reschedulePortalVisit',
        summary: 'Move one of the signed-in patient’s visits to another open slot',
        tags,
        params: PortalVisitParams,
        body: RescheduleIn,
        response: { 200: BookingDetailOut },
      },
    },
    async (request) => {
      const start = parseOffsetIso(request.body.start);
      if (!start) throw new AppError('validation_failed', '`start` must be a real time with an offset, e.g. 2026-12-01T09:30:00+04:00.');
      return rescheduleBooking(
        app.ctx,
        { appointmentId: request.params.id, patientId: portalVisitor(request).patientId },
        { start, practitionerId: request.body.practitionerId },
        portalActor(request),
      );
    },
  );

  app.put(
    '/portal/relationships/:id',
    {
      config: { access: portal('portal.family.record') },
      bodyLimit: BODY_LIMITS.form,
      schema: {
        operationId: 'setPortalRelationship',
        summary: 'Say how the signed-in person relates to one record of their email (self, parent, guardian, carer)',
        tags,
        params: PortalVisitParams,
        body: PortalRelationshipIn,
        response: { 200: PortalSessionOut },
      },
    },
    async (request) => recordPortalRelationship(app.ctx, portalVisitor(request), request.params.id, request.body.relationship, portalActor(request)),
  );
};
