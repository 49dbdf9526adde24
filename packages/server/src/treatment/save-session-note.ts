import { techniqueRowsAsDraft } from '@myomap/domain/treatment/apply-precautions';
import type { NoteIn, NoteOut } from '@myomap/contract/treatment/notes.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { lockNote, updateNoteData } from '../stores/note-store.ts';
import { checkDraftAuthor } from './check-draft-author.ts';
import { guardPrecautions } from './precaution-guard.ts';
import { describeNote } from './read-session-note.ts';
import { refuseSignedChange } from './session-note-guards.ts';

/** Saves a draft note: its author (or an audited co-sign), and no technique row against a precaution without an override. */
export async function saveSessionNote(ctx: AppContext, id: string, input: NoteIn, actor: Actor): Promise<NoteOut> {
  await ctx.db
    .transaction(async (tx) => {
      const before = await lockNote(tx, id);
      if (!before) throw new AppError('not_found', 'No such note.');
      if (before.status === 'signed') throw new AppError('note_signed', 'This note is signed and locked. Add an addendum instead.');
      await checkDraftAuthor(tx, actor, { entityType: 'session_note', id: before.id, authorId: before.authorId }, input.coSign, 'update');
      const now = ctx.clock.now();
      await guardPrecautions(tx, {
        owner: { noteId: id },
        patientId: before.patientId,
        draft: techniqueRowsAsDraft(input.data.techniques),
        overrides: input.overrides ?? [],
        actor,
        now,
      });
      await updateNoteData(tx, id, input.data, now);
      await writeAudit(tx, actor, { action: 'note.update', entityType: 'session_note', entityId: id, before: before.data, after: input.data });
    })
    .catch(refuseSignedChange);
  return describeNote(ctx.db, id);
}
