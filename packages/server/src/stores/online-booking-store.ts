import { randomUUID } from 'node:crypto';
import type { Sql } from '../database/database.ts';
import { OUTBOX_MESSAGE_COLUMNS, outboxMessageValues, type NewOutboxMessage } from './outbox-store.ts';

/**
 * Everything an online booking writes, made before its transaction (ids included) so that the
 * transaction sends it as one statement: the self-registered patient, the visit (with where it
 * was booked from), its messages, its audit entry and the response an Idempotency-Key replays.
 */
export interface OnlineBookingWrite {
  patient: { id: string; name: string; email: string; phone: string | null; language: 'en' | 'ar' };
  visit: {
    id: string;
    reference: string;
    serviceId: string;
    practitionerId: string;
    roomId: string | null;
    start: Date;
    end: Date;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    manageTokenHash: string;
    now: Date;
    /** Where an anonymous booking came from (guard-online-booking.ts); null for other actors. */
    bookedFromIp: string | null;
    bookedContact: string | null;
    suspiciousReason: string | null;
  };
  /** Messages without stored documents (a booking's confirmation and reminder). */
  messages: readonly NewOutboxMessage[];
  audit: { actorType: string; actorId: string | null; actorRole: string | null; action: string; after: unknown; ip: string | null };
  /** The Idempotency-Key this transaction claimed, and the response it replays; null without a key. */
  idempotent: { key: string; status: number; body: unknown } | null;
}

/**
 * One statement (data-modifying CTEs): foreign keys are checked at its end, so the visit may name
 * the patient and the messages the visit inserted beside them. The exclusion constraints on the
 * visit still raise 23P01, and then nothing of it is written. The caller holds the schedule lock.
 * Each message is a VALUES row of its own parameters (the text differs by the number of messages,
 * at most a few statements): arrays of the bodies cost PGlite's serializer and PostgreSQL's array
 * parser more than the rows' insert (issue 13). The messages' ids are made here: the column's
 * default, gen_random_uuid(), opens, reads and closes /dev/urandom through PGlite's emulated file
 * system on every call.
 */
export async function insertOnlineBooking(tx: Sql, w: OnlineBookingWrite): Promise<void> {
  const { patient, visit, messages, audit, idempotent } = w;
  // Each message is for this patient and visit (the statement fills both in), and carries no documents.
  if (messages.some((m) => m.patientId !== patient.id || m.appointmentId !== visit.id || (m.documentIds?.length ?? 0) > 0)) {
    throw new Error('online booking: a message for another patient or visit, or with documents');
  }
  // The patient, the visit, the audit entry and the replay, numbered from $1 as the statement uses
  // them; then each message's row (its id and its own columns) takes the next numbers.
  const fixed = [
    patient.id,
    patient.name,
    patient.email,
    patient.phone,
    patient.language,
    visit.id,
    visit.reference,
    visit.serviceId,
    visit.practitionerId,
    visit.roomId,
    visit.start.toISOString(),
    visit.end.toISOString(),
    visit.bufferBeforeMinutes,
    visit.bufferAfterMinutes,
    visit.manageTokenHash,
    visit.now.toISOString(),
    visit.bookedFromIp,
    visit.bookedContact,
    visit.suspiciousReason,
    audit.actorType,
    audit.actorId,
    audit.actorRole,
    audit.action,
    JSON.stringify(audit.after),
    audit.ip,
    idempotent?.status ?? null,
    idempotent ? JSON.stringify(idempotent.body) : null,
    idempotent?.key ?? null,
  ];
  const messageValues = messages.map((m) => [randomUUID(), ...outboxMessageValues(m)]);
  let next = fixed.length;
  const messageRows = messageValues.map((values) => `(${values.map(() => `$${++next}`).join(', ')}, $6, $1)`);
  const [row] = await tx.query<{ id: string }>(
    `with patient as (
       insert into patients (id, name, email, phone, preferred_language, identity_status)
       values ($1, $2, $3, $4, $5, 'self_registered') returning id
     ), visit as (
       insert into appointments (id, reference, kind, service_id, practitioner_id, room_id, patient_id, starts_at, ends_at, occupied,
         manage_token_hash, source, created_at, booked_from_ip, booked_contact, suspicious_reason)
       select $6, $7, 'visit', $8, $9, $10, patient.id, $11, $12,
         tstzrange($11::timestamptz - make_interval(mins => $13), $12::timestamptz + make_interval(mins => $14), '[)'),
         $15, 'online', $16, $17, $18, $19 from patient
       returning id
     ), audit as (
       insert into audit_log (actor_type, actor_id, actor_role, action, entity_type, entity_id, after, ip)
       values ($20, $21, $22, $23, 'appointment', $6, $24, $25)
     ), replay as (
       update idempotency_keys set response_status = $26, response_body = $27 where key = $28
     )${
       messageRows.length > 0
         ? `, messages as (
       insert into outbox (id, ${OUTBOX_MESSAGE_COLUMNS}, appointment_id, patient_id)
       values ${messageRows.join(', ')}
       on conflict (dedupe_key) do nothing
     )`
         : ''
     }
     select id from visit`,
    [...fixed, ...messageValues.flat()],
  );
  if (!row) throw new Error('online booking insert returned no row');
}
