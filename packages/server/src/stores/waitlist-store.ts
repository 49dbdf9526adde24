import type { Sql } from '../database/database.ts';
import { appointmentColumns, type AppointmentRow } from './appointment-store.ts';

/**
 * The first patient waiting for this service on this local date (and this practitioner or any),
 * locked; SKIP LOCKED lets two freed slots go to two different patients at once.
 */
export async function claimFirstWaiting(
  tx: Sql,
  slot: { serviceId: string | null; practitionerId: string | null; date: string },
): Promise<{ id: string; patientId: string } | undefined> {
  const [row] = await tx.query<{ id: string; patientId: string }>(
    `select id, patient_id as "patientId" from waitlist_entries
     where status = 'waiting' and service_id = $1 and (practitioner_id is null or practitioner_id = $2)
       and date_from <= $3::date and date_to >= $3::date
     order by created_at, id limit 1 for update skip locked`,
    [slot.serviceId, slot.practitionerId, slot.date],
  );
  return row;
}

export async function markEntryOffered(tx: Sql, entryId: string, offerTokenHash: string, holdId: string): Promise<void> {
  await tx.query(`update waitlist_entries set status = 'offered', offer_token_hash = $2, offer_appointment_id = $3 where id = $1`, [
    entryId,
    offerTokenHash,
    holdId,
  ]);
}

export async function setEntryStatus(tx: Sql, entryId: string, status: 'booked' | 'expired' | 'cancelled'): Promise<void> {
  await tx.query(`update waitlist_entries set status = $2 where id = $1`, [entryId, status]);
}

export interface OfferRow {
  entryId: string;
  status: string;
  holdId: string | null;
}

/** The entry an offer link points at, locked. */
export async function findOfferByTokenHash(tx: Sql, tokenHash: string): Promise<OfferRow | undefined> {
  const [row] = await tx.query<OfferRow>(
    `select id as "entryId", status, offer_appointment_id as "holdId" from waitlist_entries where offer_token_hash = $1 for update`,
    [tokenHash],
  );
  return row;
}

/** Makes the held slot the patient's visit, with a fresh reference (migration 0032). */
export async function convertHoldToVisit(tx: Sql, holdId: string, manageTokenHash: string): Promise<AppointmentRow | undefined> {
  const [row] = await tx.query<AppointmentRow>(
    `update appointments a set kind = 'visit', reference = new_booking_reference(), manage_token_hash = $2, hold_expires_at = null
     where a.id = $1 returning ${appointmentColumns}`,
    [holdId, manageTokenHash],
  );
  return row;
}

/** Held slots whose time has passed, with their entries, locked (SKIP LOCKED: one instance each). */
export async function claimExpiredHolds(tx: Sql, now: Date): Promise<(AppointmentRow & { entryId: string })[]> {
  return tx.query<AppointmentRow & { entryId: string }>(
    `select ${appointmentColumns}, w.id as "entryId" from appointments a join waitlist_entries w on w.offer_appointment_id = a.id
     where a.kind = 'hold' and a.status = 'confirmed' and a.hold_expires_at <= $1 and w.status = 'offered'
     for update of a skip locked`,
    [now.toISOString()],
  );
}

export async function insertWaitlistEntry(
  tx: Sql,
  e: { serviceId: string; practitionerId: string | null; patientId: string; dateFrom: string; dateTo: string; manageTokenHash: string },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx.query<{ id: string; createdAt: Date }>(
    `insert into waitlist_entries (service_id, practitioner_id, patient_id, date_from, date_to, manage_token_hash)
     values ($1, $2, $3, $4, $5, $6) returning id, created_at as "createdAt"`,
    [e.serviceId, e.practitionerId, e.patientId, e.dateFrom, e.dateTo, e.manageTokenHash],
  );
  if (!row) throw new Error('waitlist insert returned no row');
  return row;
}
