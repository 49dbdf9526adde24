import { checkNoteSignable } from '@myomap/domain/treatment/check-note-signable';
import type { NoteOut } from '@myomap/contract/treatment/notes.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { recordNotePain } from '../outcomes/record-note-pain.ts';
import { completeSessionVisit, lockNote, markNoteSigned } from '../stores/note-store.ts';
import { scheduleAftercare } from './aftercare-service.ts';
import { checkDraftAuthor } from './check-draft-author.ts';
import { describeNote } from './read-session-note.ts';
import { checkVisitStarted, refuseSignedChange } from './session-note-guards.ts';

/**
 * Signs a draft note, which locks it for good: by its author (or an audited co-sign), once the
 * visit has started and the note says something. Completes the visit, records its pain score as
 * the episode's NPRS, and schedules aftercare.
 */
export async function signSessionNote(ctx: AppContext, id: string, coSign: boolean | undefined, actor: Actor): Promise<NoteOut> {
  await ctx.db
    .transaction(async (tx) => {
      const note = await lockNote(tx, id);
      if (!note) throw new AppError('not_found', 'No such note.');
      if (note.status === 'signed') throw new AppError('note_signed', 'This note is already signed.');
      checkVisitStarted(note.startsAt, ctx.clock.now());
      await checkDraftAuthor(tx, actor, { entityType: 'session_note', id: note.id, authorId: note.authorId }, coSign, 'sign');
      const signable = checkNoteSignable(note.data);
      if (!signable.signable)
        throw new AppError(signable.code, 'Write at least the subjective report or the assessment before signing.', { missing: signable.missing });
      const now = ctx.clock.now();
      await markNoteSigned(tx, id, actor.id ?? '', now);
      await completeSessionVisit(tx, note.sessionId);
      // The note's pain score is the visit's NPRS in the open episode (before aftercare, whose link asks only what is still due).
      await recordNotePain(tx, note, actor);
      await scheduleAftercare(tx, ctx, note.sessionId, now);
      await writeAudit(tx, actor, { action: 'note.sign', entityType: 'session_note', entityId: id, after: note.data });
    })
    .catch(refuseSignedChange);
  return describeNote(ctx.db, id);
}
