import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { permit } from '../../lib/route-access.ts';
import { toZonedIso } from '../../lib/zoned-time.ts';
import { cancelStaffOrPatient } from '../../scheduling/manage-booking.ts';
import { findAppointmentById } from '../../stores/appointment-store.ts';
import { loadClinic } from '../../stores/clinic-store.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const SuspiciousBooking = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  start: Type.String(),
  serviceName: Type.String(),
  practitionerName: Type.String(),
  patientName: Type.String(),
  contact: Type.String(),
  bookedFromIp: Type.String(),
  reason: Type.String(),
  bookedAt: Type.String(),
});

/**
 * Online bookings the abuse rule flagged (scheduling/guard-online-booking.ts): reception sees
 * the upcoming ones, then keeps a booking (it was real) or releases it (cancels it, freeing the
 * slot and telling the contact). Both are audited.
 */
export const suspiciousBookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/staff/suspicious-bookings', { config: { access: permit('bookings.review') }, schema: { tags: ['staff'], response: { 200: Type.Array(SuspiciousBooking) } } }, async () => {
    const { db, clock } = app.ctx;
    const clinic = await loadClinic(db);
    const rows = await db.query<{
      id: string; reference: string; starts_at: Date; service_name: string; practitioner_name: string | null; patient_name: string;
      booked_contact: string; booked_from_ip: string; suspicious_reason: string; created_at: Date;
    }>(
      `select a.id, a.reference, a.starts_at, s.name_en as service_name, p.name_en as practitioner_name, pt.name as patient_name,
         a.booked_contact, a.booked_from_ip, a.suspicious_reason, a.created_at
       from appointments a join services s on s.id = a.service_id join patients pt on pt.id = a.patient_id
       left join practitioners p on p.id = a.practitioner_id
       where a.suspicious_reason is not null and a.suspicious_reviewed_at is null and a.status = 'confirmed' and a.starts_at > $1
       order by a.booked_from_ip, a.created_at limit 500`,
      [clock.now().toISOString()],
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      start: toZonedIso(new Date(r.starts_at), clinic.timeZone),
      serviceName: r.service_name,
      practitionerName: r.practitioner_name ?? '',
      patientName: r.patient_name,
      contact: r.booked_contact,
      bookedFromIp: r.booked_from_ip,
      reason: r.suspicious_reason,
      bookedAt: toZonedIso(new Date(r.created_at), clinic.timeZone),
    }));
  });

  app.post('/staff/suspicious-bookings/:id/release', { config: { access: permit('bookings.review') }, schema: { tags: ['staff'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const clinic = await loadClinic(tx);
      const row = await findAppointmentById(tx, request.params.id, true);
      if (!row || row.kind !== 'visit') throw new AppError('not_found', 'No such appointment.');
      const [flag] = await tx.query<{ suspicious_reason: string | null }>('select suspicious_reason from appointments where id = $1', [row.id]);
      if (!flag?.suspicious_reason) throw new AppError('conflict', 'This booking is not flagged as suspicious.');
      if (row.status !== 'confirmed') throw new AppError('already_cancelled', 'This booking is no longer active.');
      const now = app.ctx.clock.now();
      await tx.query('update appointments set suspicious_reviewed_at = $2 where id = $1', [row.id, now.toISOString()]);
      await writeAudit(tx, actor, { action: 'appointment.release_suspicious', entityType: 'appointment', entityId: row.id, before: { reason: flag.suspicious_reason } });
      await cancelStaffOrPatient(tx, app.ctx, clinic, row, now, actor, 'released_suspicious');
      return { id: row.id, status: 'cancelled' };
    });
  });

  app.post('/staff/suspicious-bookings/:id/keep', { config: { access: permit('bookings.review') }, schema: { tags: ['staff'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    return app.ctx.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string; suspicious_reason: string }>(
        `update appointments set suspicious_reviewed_at = $2 where id = $1 and suspicious_reason is not null and suspicious_reviewed_at is null
         returning id, suspicious_reason`,
        [request.params.id, app.ctx.clock.now().toISOString()],
      );
      if (!row) throw new AppError('not_found', 'No flagged booking awaits review with this id.');
      await writeAudit(tx, actor, { action: 'appointment.keep_suspicious', entityType: 'appointment', entityId: row.id, before: { reason: row.suspicious_reason } });
      return { id: row.id, kept: true };
    });
  });
};
