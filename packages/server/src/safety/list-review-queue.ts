import { rankReviewQueue } from '@myomap/domain/safety/rank-review-queue';
import type { ReviewQueueEntryOut } from '@myomap/contract/safety/safety.schemas';
import type { AppContext } from '../app-context.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { listUnreviewedScreenings } from '../stores/screening-store.ts';

/**
 * The physician's queue: patients whose latest screen refers or sets precautions, not yet reviewed
 * since; most urgent first (emergency, same day, soon, clearance needed, precautions), then longest waiting.
 */
export async function listReviewQueue(ctx: AppContext, actor: Actor): Promise<ReviewQueueEntryOut[]> {
  const rows = await listUnreviewedScreenings(ctx.db, ctx.clock.now());
  const queue = rankReviewQueue(rows);
  await ctx.db.transaction((tx) => writeAudit(tx, actor, { action: 'reviews.queue.read', entityType: 'screening', after: { count: rows.length } }));
  return queue.map(({ screen: r, priority }) => ({
    patientId: r.patientId,
    patientName: r.patientName,
    outcome: r.outcome as ReviewQueueEntryOut['outcome'],
    urgency: priority,
    redFlags: (r.result.redFlags ?? []).map((f) => ({ id: f.id, name: f.name, urgency: f.urgency as ReviewQueueEntryOut['redFlags'][number]['urgency'] })),
    screenedAt: r.screenedAt.toISOString(),
    nextVisit: r.nextVisit?.toISOString() ?? null,
  }));
}
