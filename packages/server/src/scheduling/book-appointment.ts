import { createHash, randomUUID } from 'node:crypto';
import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { redactSecrets, type Actor } from '../lib/audit.ts';
import { localDate, toZonedIso } from '../lib/zoned-time.ts';
import { hashToken, newReference, newToken } from '../lib/tokens.ts';
import { lockScheduleWrites, type AppointmentRow } from '../stores/appointment-store.ts';
import { loadBusy } from '../stores/schedule-store.ts';
import { insertOnlineBooking, type OnlineBookingWrite } from '../stores/online-booking-store.ts';
import type { ServiceRow } from '../stores/catalog-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import type { PatientContact } from '../stores/patient-store.ts';
import { confirmationAndReminder, type Names } from './enqueue-appointment-messages.ts';
import { findOnlineAvailability, type OpenSlot } from './find-availability.ts';
import type { ScheduleCatalog } from './schedule-catalog.ts';
import { bookingContact, flagRunFromAddress, guardOnlineBooking, type OnlineBookingSource } from './guard-online-booking.ts';
import { claimIdempotencyKey, findIdempotentResponse } from '../stores/idempotency-store.ts';

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

/** What the booking reads and makes before its transaction: the free slot, if any, and all it would write. */
interface BookingPlan {
  now: Date;
  clinic: ClinicSettings;
  /** Undefined when the slot is not free (or not a slot): a refusal, unless a key replays a success. */
  prepared: PreparedBooking | undefined;
}

interface PreparedBooking {
  write: Omit<OnlineBookingWrite, 'idempotent'>;
  body: BookingView;
  /** Where an anonymous booking came from, for the abuse guard; undefined for other actors. */
  source: OnlineBookingSource | undefined;
}

/**
 * Reads outside the transaction, so a booking holds the database (PGlite runs one transaction at
 * a time) only for its writes: the clinic, service and practitioner from the catalog cached per
 * version (schedule-catalog.ts) and one read of the day's busy times. A slot read here can be taken
 * before the insert: the exclusion constraints decide, and a clash becomes 409 as before.
 * Then it makes everything the transaction writes (ids, messages, audit entry), so the
 * transaction is a few statements and no rendering.
 */
async function planBooking(ctx: AppContext, catalog: ScheduleCatalog, request: BookingRequest, actor: Actor): Promise<BookingPlan> {
  const now = ctx.clock.now();
  const snapshot = await catalog.read();
  const { clinic } = snapshot;
  const service = snapshot.services.get(request.serviceId);
  if (!service || !service.active || !service.bookableOnline) throw new AppError('unknown_service', 'No such service is bookable online.');
  const date = localDate(request.start, clinic.timeZone);
  const slots = await findOnlineAvailability((query) => loadBusy(ctx.db, query), snapshot, {
    service,
    practitionerId: request.practitionerId,
    fromDate: date,
    toDate: date,
    now,
  });
  const slot = slots.find((s) => s.startEpochMs === request.start.getTime());
  if (!slot) return { now, clinic, prepared: undefined };
  const practitioner = snapshot.practitioners.find((p) => p.id === slot.practitionerId);
  return { now, clinic, prepared: prepareBooking(ctx, clinic, service, practitioner?.name, slot, request, actor, now) };
}

function prepareBooking(
  ctx: AppContext,
  clinic: ClinicSettings,
  service: ServiceRow,
  practitionerName: LocalizedText | undefined,
  slot: OpenSlot,
  request: BookingRequest,
  actor: Actor,
  now: Date,
): PreparedBooking {
  // As createSelfRegisteredPatient stores them, and as loadNames would read them back.
  const patient = {
    id: randomUUID(),
    name: request.patient.name.trim(),
    email: request.patient.email.trim().toLowerCase(),
    phone: request.patient.phone ?? null,
    language: request.patient.preferredLanguage ?? 'en',
  };
  const manageToken = newToken();
  const row: AppointmentRow = {
    id: randomUUID(),
    reference: newReference(),
    kind: 'visit',
    status: 'confirmed',
    serviceId: service.id,
    practitionerId: slot.practitionerId,
    roomId: slot.roomId ?? null,
    patientId: patient.id,
    seriesId: null,
    startsAt: new Date(slot.startEpochMs),
    endsAt: new Date(slot.endEpochMs),
    source: 'online',
    note: '',
    manageTokenHash: hashToken(manageToken),
    holdExpiresAt: null,
    createdAt: now,
    cancelledAt: null,
    icalSequence: 0,
  };
  const ar = patient.language === 'ar';
  const names: Names = {
    patientName: patient.name,
    patientEmail: patient.email,
    language: patient.language,
    serviceName: ar ? service.name.ar : service.name.en,
    practitionerName: (ar ? practitionerName?.ar : practitionerName?.en) ?? '',
  };
  // A patient registered by this very booking has no episode, so no measures are due at this visit.
  const messages = confirmationAndReminder(ctx, clinic, row, names, manageToken, now, { kind: 'confirmation', notice: true, measuresUrl: null });
  const source: OnlineBookingSource | undefined =
    actor.type === 'patient' && actor.ip
      ? { ip: actor.ip, contact: request.patient.email, practitionerId: slot.practitionerId, start: request.start, timeZone: clinic.timeZone }
      : undefined;
  const body = bookingView(row, clinic.timeZone, manageToken);
  return {
    source,
    body,
    write: {
      patient,
      visit: {
        id: row.id,
        reference: row.reference ?? '',
        serviceId: service.id,
        practitionerId: slot.practitionerId,
        roomId: row.roomId,
        start: row.startsAt,
        end: row.endsAt,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
        manageTokenHash: row.manageTokenHash ?? '',
        now,
        bookedFromIp: source?.ip ?? null,
        bookedContact: source ? bookingContact(source) : null,
        suspiciousReason: null,
      },
      messages,
      audit: {
        actorType: actor.type,
        actorId: actor.id ?? null,
        actorRole: actor.role ?? null,
        action: 'appointment.book',
        after: redactSecrets({ ...body, manageToken: undefined, patientId: patient.id }),
        ip: actor.ip ?? null,
      },
    },
  };
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
    const plan = await planBooking(ctx, catalog, request, actor);
    // With a key, a taken slot may be this very request's earlier success: the transaction's
    // claim replays it. Without one, a refusal needs no transaction at all.
    if (!plan.prepared && !idempotencyKey) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
    try {
      return await ctx.db.transaction((tx) => bookInTransaction(tx, ctx, plan, idempotencyKey, requestHash));
    } catch (error) {
      if (pgErrorCode(error) !== PG_ERROR.exclusionViolation) throw error;
      const roomClash = String((error as { constraint?: string }).constraint ?? (error as Error).message).includes('room');
      if (roomClash && attempt < ROOM_RACE_RETRIES) continue;
      throw new AppError('slot_unavailable', 'That time has just been taken. Please choose another.');
    }
  }
}

/**
 * The transaction: [the key's claim], the locks, the abuse guard's one read, one insert of
 * everything, [flagging a suspicious run]. Every constraint still applies to that insert.
 */
async function bookInTransaction(
  tx: Sql,
  ctx: AppContext,
  plan: BookingPlan,
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
  const { now, prepared } = plan;
  if (!prepared) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
  const { source, body, write } = prepared;

  // Anonymous bookings meet the abuse limits (guard-online-booking.ts, which also takes the
  // schedule lock) before anything is written; other bookings take the schedule lock alone.
  const suspicious = source ? await guardOnlineBooking(tx, source, now, ctx.config.onlineBookingsPerContact) : null;
  if (!source) await lockScheduleWrites(tx);
  await insertOnlineBooking(tx, {
    ...write,
    visit: { ...write.visit, suspiciousReason: suspicious },
    idempotent: idempotencyKey ? { key: idempotencyKey, status: 201, body } : null,
  });
  if (source) await flagRunFromAddress(tx, source, suspicious, now);
  return { status: 201, body };
}
