import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pgErrorCode, PG_ERROR } from '../../database/database.ts';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { hashToken, newReference, newToken } from '../../lib/tokens.ts';
import { daysBetween, isRealDate, parseOffsetIso, startOfLocalDay, toZonedIso } from '../../lib/zoned-time.ts';
import { bookingView } from '../../scheduling/book-appointment.ts';
import { enqueueConfirmationAndReminder } from '../../scheduling/enqueue-appointment-messages.ts';
import { cancelStaffOrPatient } from '../../scheduling/manage-booking.ts';
import { findAppointmentById, insertAppointment, moveAppointmentRow } from '../../stores/appointment-store.ts';
import { findService } from '../../stores/catalog-store.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { findOrCreatePatient } from '../../stores/patient-store.ts';
import { IsoWithOffset, PatientIn } from '@myomap/contract/bookings/bookings.schemas';
import { permit } from '../../lib/route-access.ts';

const DatePattern = '^\\d{4}-\\d{2}-\\d{2}$';
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

function parseTime(value: string, field: string): Date {
  const parsed = parseOffsetIso(value);
  if (!parsed) throw new AppError('validation_failed', `\`${field}\` must be a real time with an offset.`);
  return parsed;
}

const clash = (error: unknown): never => {
  if (pgErrorCode(error) === PG_ERROR.exclusionViolation) {
    throw new AppError('slot_unavailable', 'That practitioner or room is already busy then (including cleaning time).');
  }
  throw error;
};

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/calendar',
    {
      config: { access: permit('calendar.read') },
      schema: {
        tags: ['staff'],
        querystring: Type.Object({
          from: Type.String({ pattern: DatePattern }),
          to: Type.String({ pattern: DatePattern }),
          practitionerId: Type.Optional(Type.String({ maxLength: 100 })),
          roomId: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (request) => {
      const { from, to, practitionerId, roomId } = request.query;
      if (!isRealDate(from) || !isRealDate(to)) throw new AppError('validation_failed', 'from and to must be real dates.');
      const span = daysBetween(from, to);
      if (span < 0 || span > 92) throw new AppError('invalid_range', 'Ask for 1 to 93 days with from ≤ to.');
      const { db } = app.ctx;
      const clinic = await loadClinic(db);
      const rows = await db.query<{
        id: string; kind: string; status: string; reference: string | null; starts_at: Date; ends_at: Date; practitioner_id: string | null;
        room_id: string | null; service_id: string | null; patient_id: string | null; patient_name: string | null; service_name: string | null; note: string;
        source: string; hold_expires_at: Date | null;
      }>(
        `select a.id, a.kind, a.status, a.reference, a.starts_at, a.ends_at, a.practitioner_id, a.room_id, a.service_id, a.patient_id,
           pt.name as patient_name, s.name_en as service_name, a.note, a.source, a.hold_expires_at
         from appointments a left join patients pt on pt.id = a.patient_id left join services s on s.id = a.service_id
         where a.status <> 'cancelled' and a.starts_at < $2 and a.ends_at > $1
           and ($3::text is null or a.practitioner_id = $3) and ($4::text is null or a.room_id = $4)
         order by a.starts_at`,
        [startOfLocalDay(from, clinic.timeZone).toISOString(), startOfLocalDay(to, clinic.timeZone, 1).toISOString(), practitionerId ?? null, roomId ?? null],
      );
      return {
        timeZone: clinic.timeZone,
        events: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          reference: r.reference,
          start: toZonedIso(r.starts_at, clinic.timeZone),
          end: toZonedIso(r.ends_at, clinic.timeZone),
          practitionerId: r.practitioner_id,
          roomId: r.room_id,
          serviceId: r.service_id,
          serviceName: r.service_name,
          patientId: r.patient_id,
          patientName: r.patient_name,
          note: r.note,
          source: r.source,
          holdExpiresAt: r.hold_expires_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/staff/appointments',
    {
      config: { access: permit('calendar.write') },
      schema: {
        tags: ['staff'],
        body: Type.Object(
          {
            serviceId: Type.String({ minLength: 1, maxLength: 100 }),
            practitionerId: Type.String({ minLength: 1, maxLength: 100 }),
            roomId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            start: IsoWithOffset,
            patientId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            patient: Type.Optional(PatientIn),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const start = parseTime(body.start, 'start');
      const actor = staffActor(request);
      const result = await app.ctx.db
        .transaction(async (tx) => {
          const now = app.ctx.clock.now();
          const clinic = await loadClinic(tx);
          const service = await findService(tx, body.serviceId);
          if (!service || !service.active) throw new AppError('unknown_service', 'No such service.');
          const [offers] = await tx.query('select 1 from practitioner_services where practitioner_id = $1 and service_id = $2', [body.practitionerId, body.serviceId]);
          if (!offers) throw new AppError('unknown_practitioner', 'That practitioner does not offer this service.');
          let patientId = body.patientId;
          if (patientId) {
            const [exists] = await tx.query('select 1 from patients where id = $1', [patientId]);
            if (!exists) throw new AppError('not_found', 'No such patient.');
          } else if (body.patient) {
            patientId = (await findOrCreatePatient(tx, body.patient)).id;
          } else {
            throw new AppError('validation_failed', 'Give patientId or patient.');
          }
          const end = new Date(start.getTime() + service.durationMinutes * 60_000);
          let roomId = body.roomId ?? null;
          if (!roomId && service.requiresRoom) {
            const [free] = await tx.query<{ id: string }>(
              `select r.id from rooms r where r.active and not exists (
                 select 1 from appointments a where a.room_id = r.id and a.status <> 'cancelled'
                   and a.occupied && tstzrange($1::timestamptz - make_interval(mins => $3), $2::timestamptz + make_interval(mins => $4), '[)'))
               order by r.id limit 1`,
              [start.toISOString(), end.toISOString(), service.bufferBeforeMinutes, service.bufferAfterMinutes],
            );
            if (!free) throw new AppError('slot_unavailable', 'No treatment room is free then.');
            roomId = free.id;
          }
          const manageToken = newToken();
          const row = await insertAppointment(tx, {
            reference: newReference(), kind: 'visit', serviceId: service.id, practitionerId: body.practitionerId, roomId, patientId,
            start, end, bufferBeforeMinutes: service.bufferBeforeMinutes, bufferAfterMinutes: service.bufferAfterMinutes,
            manageTokenHash: hashToken(manageToken), source: 'staff', note: body.note ?? '', now,
          });
          await enqueueConfirmationAndReminder(tx, app.ctx, clinic, row, manageToken, now);
          await writeAudit(tx, actor, { action: 'appointment.create', entityType: 'appointment', entityId: row.id, after: bookingView(row, clinic.timeZone) });
          return bookingView(row, clinic.timeZone);
        })
        .catch(clash);
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/staff/appointments/:id',
    {
      config: { access: permit('calendar.write') },
      schema: {
        tags: ['staff'],
        params: IdParams,
        body: Type.Object(
          {
            start: IsoWithOffset,
            end: Type.Optional(IsoWithOffset),
            practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            roomId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const start = parseTime(request.body.start, 'start');
      const actor = staffActor(request);
      return app.ctx.db
        .transaction(async (tx) => {
          const clinic = await loadClinic(tx);
          const row = await findAppointmentById(tx, request.params.id, true);
          if (!row || row.status === 'cancelled') throw new AppError('not_found', 'No such active appointment.');
          const service = row.serviceId ? await findService(tx, row.serviceId) : undefined;
          // A visit keeps its service length; a block may be resized by giving an end.
          const end = service
            ? new Date(start.getTime() + service.durationMinutes * 60_000)
            : request.body.end
              ? parseTime(request.body.end, 'end')
              : new Date(start.getTime() + (row.endsAt.getTime() - row.startsAt.getTime()));
          if (end <= start) throw new AppError('validation_failed', '`end` must be after `start`.');
          const moved = await moveAppointmentRow(tx, row.id, {
            start,
            end,
            practitionerId: request.body.practitionerId ?? row.practitionerId,
            roomId: request.body.roomId === undefined ? row.roomId : request.body.roomId,
            bufferBeforeMinutes: service?.bufferBeforeMinutes ?? 0,
            bufferAfterMinutes: service?.bufferAfterMinutes ?? 0,
          });
          if (row.kind === 'visit') {
            await tx.query(`update outbox set status = 'cancelled' where appointment_id = $1 and kind = 'reminder' and status = 'pending'`, [row.id]);
            // The patient's existing manage link keeps working; the message carries the clinic's phone instead of a new link.
            await enqueueConfirmationAndReminder(tx, app.ctx, clinic, moved, '', app.ctx.clock.now(), 'rescheduled');
          }
          await writeAudit(tx, actor, {
            action: 'appointment.move',
            entityType: 'appointment',
            entityId: row.id,
            before: { start: row.startsAt, end: row.endsAt, practitionerId: row.practitionerId, roomId: row.roomId },
            after: { start: moved.startsAt, end: moved.endsAt, practitionerId: moved.practitionerId, roomId: moved.roomId },
          });
          return bookingView(moved, clinic.timeZone);
        })
        .catch(clash);
    },
  );

  app.post(
    '/staff/appointments/:id/cancel',
    {
      config: { access: permit('calendar.write') },
      schema: { tags: ['staff'], params: IdParams, body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })) },
    },
    async (request) => {
      const actor = staffActor(request);
      return app.ctx.db.transaction(async (tx) => {
        const clinic = await loadClinic(tx);
        const row = await findAppointmentById(tx, request.params.id, true);
        if (!row) throw new AppError('not_found', 'No such appointment.');
        if (row.status === 'cancelled') return bookingView(row, clinic.timeZone);
        const cancelled = await cancelStaffOrPatient(tx, app.ctx, clinic, row, app.ctx.clock.now(), actor, request.body?.reason ?? 'staff_cancelled');
        return bookingView(cancelled, clinic.timeZone);
      });
    },
  );

  app.post(
    '/staff/blocks',
    {
      config: { access: permit('calendar.write') },
      schema: {
        tags: ['staff'],
        body: Type.Object(
          {
            practitionerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            roomId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            start: IsoWithOffset,
            end: IsoWithOffset,
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { practitionerId, roomId, note } = request.body;
      if (!practitionerId && !roomId) throw new AppError('validation_failed', 'Block a practitioner, a room, or both.');
      const start = parseTime(request.body.start, 'start');
      const end = parseTime(request.body.end, 'end');
      if (end <= start) throw new AppError('validation_failed', '`end` must be after `start`.');
      if (end.getTime() - start.getTime() > 31 * 86_400_000) throw new AppError('validation_failed', 'Block at most 31 days; use leave for longer absences.');
      const actor = staffActor(request);
      const result = await app.ctx.db
        .transaction(async (tx) => {
          const clinic = await loadClinic(tx);
          const row = await insertAppointment(tx, {
            reference: null, kind: 'block', serviceId: null, practitionerId: practitionerId ?? null, roomId: roomId ?? null, patientId: null,
            start, end, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, manageTokenHash: null, source: 'staff', note: note ?? '', now: app.ctx.clock.now(),
          });
          await writeAudit(tx, actor, { action: 'block.create', entityType: 'appointment', entityId: row.id, after: { practitionerId, roomId, start, end, note } });
          return { id: row.id, kind: 'block', start: toZonedIso(row.startsAt, clinic.timeZone), end: toZonedIso(row.endsAt, clinic.timeZone), practitionerId: row.practitionerId, roomId: row.roomId, note: row.note };
        })
        .catch((error: unknown) => {
          if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'No such practitioner or room.');
          return clash(error);
        });
      return reply.status(201).send(result);
    },
  );
};
