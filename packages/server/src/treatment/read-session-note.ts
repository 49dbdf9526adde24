import { sessionPrecautions } from '@myomap/domain/treatment/session-precautions';
import type { NoteOut } from '@myomap/contract/treatment/notes.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findNoteDetail, listAddenda } from '../stores/note-store.ts';
import { listOverrides } from '../stores/precaution-override-store.ts';

/** A note as every note route answers it: the document, who wrote and signed it, its visit, addenda and overrides. */
export async function describeNote(sql: Sql, id: string): Promise<NoteOut> {
  const note = await findNoteDetail(sql, id);
  if (!note) throw new AppError('not_found', 'No such note.');
  const clinic = await loadClinic(sql);
  const addenda = await listAddenda(sql, id);
  return {
    id: note.id,
    status: note.status,
    data: note.data,
    signedAt: note.signedAt?.toISOString() ?? null,
    signedBy: note.signedByName,
    authorId: note.authorId,
    authorName: note.authorName,
    patientId: note.patientId,
    patientName: note.patientName,
    sessionId: note.sessionId,
    appointment: { id: note.appointmentId, start: toZonedIso(note.startsAt, clinic.timeZone), service: { en: note.serviceNameEn, ar: note.serviceNameAr } },
    precautions: sessionPrecautions(note.precautions),
    addenda: addenda.map((d) => ({ id: d.id, text: d.text, authorName: d.authorName, at: d.createdAt.toISOString() })),
    overrides: await listOverrides(sql, { noteId: id }),
  };
}

/** Reading a note is a read of a clinical record: audited. */
export async function readNote(ctx: AppContext, id: string, actor: Actor): Promise<NoteOut> {
  const view = await describeNote(ctx.db, id);
  await ctx.db.transaction((tx) => writeAudit(tx, actor, { action: 'note.read', entityType: 'session_note', entityId: id }));
  return view;
}
