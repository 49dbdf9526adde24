import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate, toZonedIso } from '../lib/zoned-time.ts';
import { hashToken, newReference, newToken } from '../lib/tokens.ts';
import { insertAppointment, type AppointmentRow } from '../stores/appointment-store.ts';
import type { ServiceRow } from '../stores/catalog-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import { createSelfRegisteredPatient, type PatientContact } from '../stores/patient-store.ts';
import { enqueueConfirmationAndReminder } from './enqueue-appointment-messages.ts';
import { findOnlineAvailability, type OpenSlot } from './find-availability.ts';
import type { ScheduleCatalog } from './schedule-catalog.ts';
import { guardOnlineBooking, recordOnlineBookingSource } from './guard-online-booking.ts';
import { claimIdempotencyKey, findIdempotentResponse, saveIdempotentResponse } from '../stores/idempotency-store.ts';

export interface BookingRequest {
  serviceId: string;
  practitionerId: string;
  start: Date;
  patient: PatientContact;
}

export interface BookingView {
  id: string;
  reference: string;
  status: string;
  start: string;
  end: string;
  serviceId: string;
  practitionerId: string;
  roomId: string | null;
  manageToken?: string;
}

export function bookingView(row: AppointmentRow, timeZone: string, manageToken?: string): BookingView {
  return {
    id: row.id,
    reference: row.reference ?? '',
    status: row.status,
    start: toZonedIso(row.startsAt, timeZone),
    end: toZonedIso(row.endsAt, timeZone),
    serviceId: row.serviceId ?? '',
    practitionerId: row.practitionerId ?? '',
    roomId: row.roomId,
    ...(manageToken ? { manageToken } : {}),
  };
}

/** A room can be taken by another practitioner's booking between our check and our insert. */
const ROOM_RACE_RETRIES = 3;

/** What the booking reads before its transaction: the clinic, the service and the free slot, if any. */
interface BookingPlan {
  now: Date;
  clinic: ClinicSettings;
  service: ServiceRow;
  slot: OpenSlot | undefined;
}

/**
 * Reads outside the transaction, so a booking holds the database (PGlite runs one transaction at
 * a time) only for its writes: the clinic and service from the catalog cached per version
 * (schedule-catalog.ts) and one read of the day's busy times. A slot read here can be taken
 * before the insert: the exclusion constraints decide, and a clash becomes 409 as before.
 */
async function planBooking(ctx: AppContext, catalog: ScheduleCatalog, request: BookingRequest): Promise<BookingPlan> {
  const now = ctx.clock.now();
  const snapshot = await catalog.read();
  const { clinic } = snapshot;
  const service = snapshot.services.get(request.serviceId);
  if (!service || !service.active || !service.bookableOnline) throw new AppError('unknown_service', 'No such service is bookable online.');
  const date = localDate(request.start, clinic.timeZone);
  const slots = await findOnlineAvailability(ctx.db, snapshot, { service, practitionerId: request.practitionerId, fromDate: date, toDate: date, now });
  return { now, clinic, service, slot: slots.find((s) => s.startEpochMs === request.start.getTime()) };
}

/**
 * Books online: reads the service and re-checks the slot against the same rules the
 * availability route uses, then, in one transaction, claims the idempotency key and writes.
 * The exclusion constraints are the final word on double booking; a clash becomes 409
 * slot_unavailable.
 */
export async function bookAppointment(
  ctx: AppContext,
  catalog: ScheduleCatalog,
  request: BookingRequest,
  actor: Actor,
  idempotencyKey: string | undefined,
  rawBody: unknown,
): Promise<{ status: number; body: unknown }> {
  const requestHash = createHash('sha256').update(JSON.stringify(rawBody)).digest('hex');
  for (let attempt = 1; ; attempt++) {
    const plan = await planBooking(ctx, catalog, request);
    // With a key, a taken slot may be this very request's earlier success: the transaction's
    // claim replays it. Without one, a refusal needs no transaction at all.
    if (!plan.slot && !idempotencyKey) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
    try {
      return await ctx.db.transaction((tx) => bookInTransaction(tx, ctx, plan, request, actor, idempotencyKey, requestHash));
    } catch (error) {
      if (pgErrorCode(error) !== PG_ERROR.exclusionViolation) throw error;
      const roomClash = String((error as { constraint?: string }).constraint ?? (error as Error).message).includes('room');
      if (roomClash && attempt < ROOM_RACE_RETRIES) continue;
      throw new AppError('slot_unavailable', 'That time has just been taken. Please choose another.');
    }
  }
}

async function bookInTransaction(
  tx: Sql,
  ctx: AppContext,
  plan: BookingPlan,
  request: BookingRequest,
  actor: Actor,
  idempotencyKey: string | undefined,
  requestHash: string,
): Promise<{ status: number; body: unknown }> {
  if (idempotencyKey) {
    if (!(await claimIdempotencyKey(tx, idempotencyKey, requestHash))) {
      // Another request with this key committed first (ON CONFLICT waited for it): replay it.
      const prior = await findIdempotentResponse(tx, idempotencyKey);
      if (!prior || prior.requestHash !== requestHash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
      }
      return { status: prior.responseStatus ?? 201, body: prior.responseBody };
    }
  }
  const { now, clinic, service, slot } = plan;
  if (!slot) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');

  // Anonymous bookings meet the abuse limits (guard-online-booking.ts) before anything is written.
  const source =
    actor.type === 'patient' && actor.ip
      ? { ip: actor.ip, contact: request.patient.email, practitionerId: slot.practitionerId, start: request.start, timeZone: clinic.timeZone }
      : undefined;
  const suspicious = source ? await guardOnlineBooking(tx, source, now, ctx.config.onlineBookingsPerContact) : null;
  const patient = await createSelfRegisteredPatient(tx, request.patient);
  const manageToken = newToken();
  const appointment = await insertAppointment(tx, {
    reference: newReference(),
    kind: 'visit',
    serviceId: service.id,
    practitionerId: slot.practitionerId,
    roomId: slot.roomId ?? null,
    patientId: patient.id,
    start: new Date(slot.startEpochMs),
    end: new Date(slot.endEpochMs),
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    manageTokenHash: hashToken(manageToken),
    source: 'online',
    now,
  });
  if (source) await recordOnlineBookingSource(tx, appointment.id, source, suspicious, now);
  await enqueueConfirmationAndReminder(tx, ctx, clinic, appointment, manageToken, now);
  const body = bookingView(appointment, clinic.timeZone, manageToken);
  await writeAudit(tx, actor, {
    action: 'appointment.book',
    entityType: 'appointment',
    entityId: appointment.id,
    after: { ...body, manageToken: undefined, patientId: patient.id },
  });
  if (idempotencyKey) {
    await saveIdempotentResponse(tx, idempotencyKey, 201, body);
  }
  return { status: 201, body };
}
