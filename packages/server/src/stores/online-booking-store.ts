import type { Sql } from '../database/database.ts';
import { appointmentColumns, type AppointmentRow } from './appointment-store.ts';
import type { NewOutboxMessage } from './outbox-store.ts';

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
 */
export async function insertOnlineBooking(tx: Sql, w: OnlineBookingWrite): Promise<AppointmentRow> {
  const { patient, visit, messages, audit, idempotent } = w;
  // Each message is for this patient and visit (the statement fills both in), and carries no documents.
  if (messages.some((m) => m.patientId !== patient.id || m.appointmentId !== visit.id || (m.documentIds?.length ?? 0) > 0)) {
    throw new Error('online booking: a message for another patient or visit, or with documents');
  }
  const column = <T>(pick: (m: NewOutboxMessage) => T) => messages.map(pick);
  const [row] = await tx.query<AppointmentRow>(
    `with patient as (
       insert into patients (id, name, email, phone, preferred_language, identity_status)
       values ($1, $2, $3, $4, $5, 'self_registered') returning id
     ), visit as (
       insert into appointments as a (id, reference, kind, service_id, practitioner_id, room_id, patient_id, starts_at, ends_at, occupied,
         manage_token_hash, source, created_at, booked_from_ip, booked_contact, suspicious_reason)
       select $6, $7, 'visit', $8, $9, $10, patient.id, $11, $12,
         tstzrange($11::timestamptz - make_interval(mins => $13), $12::timestamptz + make_interval(mins => $14), '[)'),
         $15, 'online', $16, $17, $18, $19 from patient
       returning ${appointmentColumns}
     ), messages as (
       insert into outbox (dedupe_key, kind, recipient, subject, body_text, body_html, attachments, send_after, appointment_id, sealed_links, patient_id, body_short)
       select m.dedupe_key, m.kind, m.recipient, m.subject, m.body_text, m.body_html, m.attachments::jsonb, m.send_after, $6, m.sealed_links, $1, m.body_short
       from unnest($20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::timestamptz[], $28::text[], $29::text[])
         as m(dedupe_key, kind, recipient, subject, body_text, body_html, attachments, send_after, sealed_links, body_short)
       on conflict (dedupe_key) do nothing
     ), audit as (
       insert into audit_log (actor_type, actor_id, actor_role, action, entity_type, entity_id, after, ip)
       values ($30, $31, $32, $33, 'appointment', $6, $34, $35)
     ), replay as (
       update idempotency_keys set response_status = $36, response_body = $37 where key = $38
     )
     select * from visit`,
    [
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
      column((m) => m.dedupeKey),
      column((m) => m.kind),
      column((m) => m.recipient),
      column((m) => m.subject),
      column((m) => m.bodyText),
      column((m) => m.bodyHtml),
      column((m) => JSON.stringify(m.attachments)),
      column((m) => m.sendAfter.toISOString()),
      column((m) => m.sealedLinks),
      column((m) => m.bodyShort),
      audit.actorType,
      audit.actorId,
      audit.actorRole,
      audit.action,
      JSON.stringify(audit.after),
      audit.ip,
      idempotent?.status ?? null,
      idempotent ? JSON.stringify(idempotent.body) : null,
      idempotent?.key ?? null,
    ],
  );
  if (!row) throw new Error('online booking insert returned no row');
  return row;
}
