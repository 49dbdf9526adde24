import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { redactSecrets } from '../lib/audit.ts';
import { firstFreeRoom, lockScheduleWrites } from '../stores/appointment-store.ts';
import { claimIdempotencyKey, findIdempotentResponse } from '../stores/idempotency-store.ts';
import { insertOnlineBooking, type OnlineBookingWrite } from '../stores/online-booking-store.ts';
import type { BookingView } from './booking-view.ts';
import { flagRunFromAddress, guardOnlineBooking, type OnlineBookingSource } from './guard-online-booking.ts';

/** Everything a booking writes, made before its transaction (book-appointment.ts). */
export interface PreparedBooking {
  /** The room is chosen in the transaction (firstFreeRoom), so the write, body and audit entry get it there. */
  write: Omit<OnlineBookingWrite, 'idempotent' | 'audit'> & { audit: Omit<OnlineBookingWrite['audit'], 'after'> };
  body: BookingView;
  /** The rooms the service may use, in the order a room is chosen; empty when it needs none. */
  roomIds: readonly string[];
  /** Where an anonymous booking came from, for the abuse guard; undefined for other actors. */
  source: OnlineBookingSource | undefined;
}

/** What the booking's transaction is given: plain data, as a transaction procedure takes (it may run on PGlite's thread). */
export interface BookingTransactionInput {
  now: Date;
  prepared: PreparedBooking | undefined;
  idempotencyKey: string | undefined;
  requestHash: string;
  maxUpcomingPerContact: number;
}

/**
 * The transaction: [the key's claim], the locks, the abuse guard's one read, [the room's read], one
 * insert of everything, [flagging a suspicious run]. Every constraint still applies to that insert.
 * Registered as the procedure `bookOnline` (transaction-procedures.ts).
 */
export async function bookInTransaction(
  tx: Sql,
  { now, prepared, idempotencyKey, requestHash, maxUpcomingPerContact }: BookingTransactionInput,
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
  if (!prepared) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
  const { source, write } = prepared;

  // Anonymous bookings meet the abuse limits (guard-online-booking.ts, which also takes the
  // schedule lock) before anything is written; other bookings take the schedule lock alone.
  const suspicious = source ? await guardOnlineBooking(tx, source, now, maxUpcomingPerContact) : null;
  if (!source) await lockScheduleWrites(tx);
  // Under the schedule lock no other booking can take a room until this one commits.
  const { visit } = write;
  const roomId =
    prepared.roomIds.length > 0
      ? await firstFreeRoom(
          tx,
          prepared.roomIds,
          new Date(visit.start.getTime() - visit.bufferBeforeMinutes * 60_000),
          new Date(visit.end.getTime() + visit.bufferAfterMinutes * 60_000),
        )
      : null;
  if (roomId === undefined) throw new AppError('slot_unavailable', 'That time is not available. Please choose another.');
  const body: BookingView = { ...prepared.body, roomId };
  await insertOnlineBooking(tx, {
    ...write,
    visit: { ...visit, roomId, suspiciousReason: suspicious },
    audit: { ...write.audit, after: redactSecrets({ ...body, manageToken: undefined, patientId: write.patient.id }) },
    idempotent: idempotencyKey ? { key: idempotencyKey, status: 201, body } : null,
  });
  if (source) await flagRunFromAddress(tx, source, suspicious, now);
  return { status: 201, body };
}
