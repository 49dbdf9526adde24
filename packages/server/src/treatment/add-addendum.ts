import type { NoteOut } from '@myomap/contract/treatment/notes.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findNoteStatus, insertAddendum } from '../stores/note-store.ts';
import { describeNote } from './read-session-note.ts';

/** A signed note is never changed; what was missed is added as a dated, attributed addendum. */
export async function addAddendum(ctx: AppContext, noteId: string, text: string, actor: Actor): Promise<NoteOut> {
  await ctx.db.transaction(async (tx) => {
    const status = await findNoteStatus(tx, noteId);
    if (!status) throw new AppError('not_found', 'No such note.');
    if (status !== 'signed') throw new AppError('conflict', 'Edit the draft directly; addenda are for signed notes.');
    const addendumId = await insertAddendum(tx, { noteId, authorId: actor.id ?? '', text: text.trim(), now: ctx.clock.now() });
    await writeAudit(tx, actor, { action: 'note.addendum', entityType: 'session_note', entityId: noteId, after: { addendumId, text } });
  });
  return describeNote(ctx.db, noteId);
}
