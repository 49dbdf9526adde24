import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findNoteIdForSession, findSessionVisit, insertNote } from '../stores/note-store.ts';
import { checkVisitStarted } from './session-note-guards.ts';
import { startNoteFromPlan } from './start-note-from-plan.ts';

/** The session's note: the existing one, or a new draft started from the plan (`created`). */
export async function openSessionNote(ctx: AppContext, sessionId: string, actor: Actor): Promise<{ id: string; created: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const session = await findSessionVisit(tx, sessionId);
    if (!session) throw new AppError('not_found', 'No such session.');
    const existing = await findNoteIdForSession(tx, session.id);
    if (existing) return { id: existing, created: false };
    const now = ctx.clock.now();
    checkVisitStarted(session.startsAt, now);
    // The note starts from what is planned for this visit, every row not yet done.
    const start = await startNoteFromPlan(tx, session.id, session.patientId);
    const id = await insertNote(tx, { sessionId: session.id, patientId: session.patientId, authorId: actor.id ?? '', data: start.data, now });
    await start.carryOverrides(tx, id, actor, now);
    await writeAudit(tx, actor, { action: 'note.create', entityType: 'session_note', entityId: id, after: { fromPlan: start.planId } });
    return { id, created: true };
  });
}
