import { createHash, randomUUID } from 'node:crypto';
import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type { AppContext } from '../app-context.ts';
import { pgConstraint, pgErrorCode, PG_ERROR } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import type { Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { hashToken, newReference, newToken } from '../lib/tokens.ts';
import type { AppointmentRow } from '../stores/appointment-store.ts';
import type { ServiceRow } from '../stores/catalog-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import type { PatientContact } from '../stores/patient-store.ts';
import { confirmationAndReminder, type Names } from './enqueue-appointment-messages.ts';
import { findOnlineAvailability, type OpenSlot } from './find-availability.ts';
import type { ScheduleCatalog } from './schedule-catalog.ts';
import { bookingContact, type OnlineBookingSource } from './guard-online-booking.ts';
import type { PreparedBooking } from './book-in-transaction.ts';
import { bookingView } from './booking-view.ts';
import { callProcedure } from '../transaction-procedures.ts';

export interface BookingRequest {
  serviceId: string;
  practitionerId: string;
  start: Date;
  patient: PatientContact;
}

/**
 * A writer that does not take the schedule lock could still take the chosen room before our insert;
 * and the reference drawn before the transaction can be one on file already (one booking in 887
 * million / visits on file, migration 0032). Either way the booking is planned again, with a new
 * reference and its messages, this many times at most.
 */
const RETRIES = 3;

const isReferenceClash = (error: unknown) => pgErrorCode(error) === PG_ERROR.uniqueViolation && pgConstraint(error) === 'appointments_reference_key';

/** What the booking reads and makes before its transaction: the free slot, if any, and all it would write. */
interface BookingPlan {
  now: Date;
  /** Undefined when the slot is not free (or not a slot): a refusal, unless a key replays a success. */
  prepared: PreparedBooking | undefined;
}

/**
 * No database read: the clinic, service and practitioner come from the catalog cached per version
 * (schedule-catalog.ts), and the slot is checked against the rules the catalog holds (hours,
 * breaks, closures, notice, horizon, the slot grid) with no appointments. Whether the practitioner
 * is free is the exclusion constraints' answer at the insert (a clash becomes 409), and the room is
 * chosen in the transaction under the schedule lock, so a booking neither waits for a read of the
 * day's appointments nor retries when a concurrent booking took the room it would have picked.
 * (Reading the day first cost a third of a booking's database time on PGlite, issue 13.)
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
  const slots = await findOnlineAvailability(async () => [], snapshot, {
    service,
    practitionerId: request.practitionerId,
    fromDate: date,
    toDate: date,
    now,
  });
  const slot = slots.find((s) => s.startEpochMs === request.start.getTime());
  if (!slot) return { now, prepared: undefined };
  const practitioner = snapshot.practitioners.find((p) => p.id === slot.practitionerId);
  const roomIds = service.requiresRoom ? snapshot.activeRoomIds : [];
  return { now, prepared: prepareBooking(ctx, clinic, service, practitioner?.name, slot, roomIds, request, actor, now) };
}

function prepareBooking(
  ctx: AppContext,
  clinic: ClinicSettings,
  service: ServiceRow,
  practitionerName: LocalizedText | undefined,
  slot: OpenSlot,
  roomIds: readonly string[],
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
    roomId: null,
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
    roomIds,
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
      return await callProcedure(ctx.db, 'bookOnline', {
        now: plan.now,
        prepared: plan.prepared,
        idempotencyKey,
        requestHash,
        maxUpcomingPerContact: ctx.config.onlineBookingsPerContact,
      });
    } catch (error) {
      if (isReferenceClash(error) && attempt < RETRIES) continue;
      if (pgErrorCode(error) !== PG_ERROR.exclusionViolation) throw error;
      const roomClash = (pgConstraint(error) ?? String((error as Error).message)).includes('room');
      if (roomClash && attempt < RETRIES) continue;
      throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
    }
  }
}
