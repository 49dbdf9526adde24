import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import type { Sql } from '../database/database.ts';

/**
 * Session notes, their addenda, and the treatment sessions they document. A signed note refuses
 * every change in the database (a trigger raises), and addenda are append-only.
 */

export type NoteStatus = 'draft' | 'signed';

export interface SessionVisitRow {
  id: string;
  patientId: string;
  startsAt: Date;
}

export async function findSessionVisit(sql: Sql, sessionId: string): Promise<SessionVisitRow | undefined> {
  const [row] = await sql.query<SessionVisitRow>(
    'select s.id, s.patient_id as "patientId", a.starts_at as "startsAt" from treatment_sessions s join appointments a on a.id = s.appointment_id where s.id = $1',
    [sessionId],
  );
  return row;
}

export async function findNoteIdForSession(sql: Sql, sessionId: string): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>('select id from session_notes where session_id = $1', [sessionId]);
  return row?.id;
}

export async function insertNote(tx: Sql, note: { sessionId: string; patientId: string; authorId: string; data: NoteData; now: Date }): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    'insert into session_notes (session_id, patient_id, author_id, data, created_at, updated_at) values ($1, $2, $3, $4, $5, $5) returning id',
    [note.sessionId, note.patientId, note.authorId, JSON.stringify(note.data), note.now.toISOString()],
  );
  return row?.id ?? '';
}

export interface NoteDetailRow {
  id: string;
  status: NoteStatus;
  data: NoteData;
  signedAt: Date | null;
  signedByName: string | null;
  authorId: string;
  authorName: string;
  patientId: string;
  patientName: string;
  sessionId: string;
  appointmentId: string;
  startsAt: Date;
  serviceNameEn: string;
  serviceNameAr: string;
  /** As stored when the session started: screening precautions as { en, ar }, a physician's as text. */
  precautions: unknown;
}

export async function findNoteDetail(sql: Sql, id: string): Promise<NoteDetailRow | undefined> {
  const [row] = await sql.query<NoteDetailRow>(
    `select n.id, n.status, n.data, n.signed_at as "signedAt", su.name as "signedByName", n.author_id as "authorId", au.name as "authorName",
       n.patient_id as "patientId", p.name as "patientName", n.session_id as "sessionId", s.appointment_id as "appointmentId", a.starts_at as "startsAt",
       sv.name_en as "serviceNameEn", sv.name_ar as "serviceNameAr", s.precautions
     from session_notes n join treatment_sessions s on s.id = n.session_id join appointments a on a.id = s.appointment_id
     join services sv on sv.id = a.service_id join patients p on p.id = n.patient_id join staff_users au on au.id = n.author_id
     left join staff_users su on su.id = n.signed_by where n.id = $1`,
    [id],
  );
  return row;
}

export interface AddendumRow {
  id: string;
  text: string;
  authorName: string;
  createdAt: Date;
}

export function listAddenda(sql: Sql, noteId: string): Promise<AddendumRow[]> {
  return sql.query<AddendumRow>(
    `select d.id, d.text, u.name as "authorName", d.created_at as "createdAt" from note_addenda d join staff_users u on u.id = d.author_id where d.note_id = $1 order by d.created_at`,
    [noteId],
  );
}

export interface LockedNote {
  id: string;
  status: NoteStatus;
  data: NoteData;
  authorId: string;
  patientId: string;
  sessionId: string;
  /** The start of the visit the note documents. */
  startsAt: Date;
}

/** The note's row, locked for the rest of the transaction, with its visit's start. */
export async function lockNote(tx: Sql, id: string): Promise<LockedNote | undefined> {
  const [row] = await tx.query<LockedNote>(
    `select n.id, n.status, n.data, n.author_id as "authorId", n.patient_id as "patientId", n.session_id as "sessionId", a.starts_at as "startsAt"
     from session_notes n join treatment_sessions s on s.id = n.session_id join appointments a on a.id = s.appointment_id
     where n.id = $1 for update of n`,
    [id],
  );
  return row;
}

export async function findNoteStatus(sql: Sql, id: string): Promise<NoteStatus | undefined> {
  const [row] = await sql.query<{ status: NoteStatus }>('select status from session_notes where id = $1', [id]);
  return row?.status;
}

export async function updateNoteData(tx: Sql, id: string, data: NoteData, now: Date): Promise<void> {
  await tx.query('update session_notes set data = $2, updated_at = $3 where id = $1', [id, JSON.stringify(data), now.toISOString()]);
}

export async function markNoteSigned(tx: Sql, id: string, signerId: string, now: Date): Promise<void> {
  await tx.query(`update session_notes set status = 'signed', signed_by = $2, signed_at = $3 where id = $1`, [id, signerId, now.toISOString()]);
}

/** A signed note completes its visit (a visit still confirmed; a cancelled one stays cancelled). */
export async function completeSessionVisit(tx: Sql, sessionId: string): Promise<void> {
  await tx.query(
    `update appointments set status = 'completed' where id = (select appointment_id from treatment_sessions where id = $1) and status = 'confirmed'`,
    [sessionId],
  );
}

export async function insertAddendum(tx: Sql, addendum: { noteId: string; authorId: string; text: string; now: Date }): Promise<string> {
  const [row] = await tx.query<{ id: string }>('insert into note_addenda (note_id, author_id, text, created_at) values ($1, $2, $3, $4) returning id', [
    addendum.noteId,
    addendum.authorId,
    addendum.text,
    addendum.now.toISOString(),
  ]);
  return row?.id ?? '';
}
