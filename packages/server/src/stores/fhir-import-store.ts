import type { Sql } from '../database/database.ts';

/** What the FHIR import (fhir/import-bundle.ts) looks up and writes. */

export interface ImportService {
  id: string;
  nameEn: string;
  nameAr: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export async function listImportServices(sql: Sql): Promise<ImportService[]> {
  return sql.query<ImportService>(
    `select id, name_en as "nameEn", name_ar as "nameAr", buffer_before_minutes as "bufferBeforeMinutes", buffer_after_minutes as "bufferAfterMinutes" from services`,
  );
}

export async function listImportPractitioners(sql: Sql): Promise<{ id: string; nameEn: string; nameAr: string }[]> {
  return sql.query('select id, name_en as "nameEn", name_ar as "nameAr" from practitioners');
}

export async function listImportRooms(sql: Sql): Promise<{ id: string; nameEn: string; nameAr: string }[]> {
  return sql.query('select id, name_en as "nameEn", name_ar as "nameAr" from rooms');
}

/** A live visit, block or hold that overlaps the range for the practitioner or the room (buffers included). */
export async function findOverlap(
  sql: Sql,
  args: { practitionerId: string | null; roomId: string | null; from: Date; to: Date },
): Promise<{ id: string; reference: string | null } | undefined> {
  const [row] = await sql.query<{ id: string; reference: string | null }>(
    `select id, reference from appointments
     where status <> 'cancelled' and occupied && tstzrange($3::timestamptz, $4::timestamptz, '[)')
       and ((practitioner_id is not null and practitioner_id = $1) or (room_id is not null and room_id = $2))
     limit 1`,
    [args.practitionerId, args.roomId, args.from.toISOString(), args.to.toISOString()],
  );
  return row;
}

export interface ImportedAppointment {
  /** None: a fresh one (migration 0032). */
  reference?: string;
  status: 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  serviceId: string;
  practitionerId: string | null;
  roomId: string | null;
  patientId: string;
  start: Date;
  end: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  note: string;
  now: Date;
}

/** Inserts an imported visit with its status; the exclusion constraints still refuse a clash (23P01). */
export async function insertImportedAppointment(sql: Sql, a: ImportedAppointment): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into appointments (reference, kind, status, service_id, practitioner_id, room_id, patient_id, starts_at, ends_at, occupied, source, note, created_at, cancelled_at)
     values (coalesce($1, new_booking_reference()), 'visit', $2, $3, $4, $5, $6, $7, $8,
       tstzrange($7::timestamptz - make_interval(mins => $9), $8::timestamptz + make_interval(mins => $10), '[)'),
       'staff', $11, $12, case when $2 = 'cancelled' then $12::timestamptz end)
     returning id`,
    [
      a.reference ?? null,
      a.status,
      a.serviceId,
      a.practitionerId,
      a.roomId,
      a.patientId,
      a.start.toISOString(),
      a.end.toISOString(),
      a.bufferBeforeMinutes,
      a.bufferAfterMinutes,
      a.note,
      a.now.toISOString(),
    ],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
