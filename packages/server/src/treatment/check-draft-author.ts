import { decideDraftAccess } from '@myomap/domain/access/decide-draft-access';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';

export interface DraftRecord {
  entityType: 'session_note' | 'treatment_plan';
  id: string;
  authorId: string;
}

/**
 * Author-only drafts (notes and plans): anyone else, already holding the role, must co-sign
 * explicitly (`coSign: true`), and the co-sign is an audit row of its own (`<kind>.cosign`),
 * written in the caller's transaction so it commits only with the change it covers.
 */
export async function checkDraftAuthor(tx: Sql, actor: Actor, draft: DraftRecord, coSign: boolean | undefined, step: string): Promise<void> {
  const access = decideDraftAccess({ actorId: actor.id ?? '', authorId: draft.authorId, coSign });
  if (!access.allowed)
    throw new AppError(access.code, 'Only the author edits or signs this draft; co-sign it explicitly to act for them.', { authorId: draft.authorId });
  if (access.coSigned) {
    const action = draft.entityType === 'session_note' ? 'note.cosign' : 'plan.cosign_draft';
    await writeAudit(tx, actor, { action, entityType: draft.entityType, entityId: draft.id, after: { step, authorId: draft.authorId } });
  }
}
