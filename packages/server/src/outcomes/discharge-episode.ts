import type { DischargeReason } from '@myomap/domain/outcomes/decide-episode-status';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { sendDischargeSummaries } from '../referrals/send-discharge-summaries.ts';
import { endEpisode, findEpisode, type EpisodeRecord } from '../stores/episode-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';

/** Ends an episode with one of the discharge reasons (goals met, plateau, referred on, patient's choice). */
export async function dischargeEpisode(ctx: AppContext, episodeId: string, reason: DischargeReason, actor: Actor): Promise<EpisodeRecord> {
  const settings = await loadOutcomeSettings(ctx.db);
  const today = localDate(ctx.clock.now(), settings.timeZone);
  return ctx.db.transaction(async (tx) => {
    const before = await findEpisode(tx, episodeId, { forUpdate: true });
    if (!before) throw new AppError('not_found', 'No such episode.');
    if (before.status !== 'open') throw new AppError('episode_closed', 'This episode has already ended.');
    // The row is locked and open, so the update cannot miss.
    const after = (await endEpisode(tx, episodeId, { status: 'discharged', reason, on: today })) as EpisodeRecord;
    await writeAudit(tx, actor, { action: 'episodes.discharge', entityType: 'episode', entityId: episodeId, before, after });
    // The doctor who referred the patient in hears how it ended (issue 14).
    await sendDischargeSummaries(ctx, tx, after, actor);
    return after;
  });
}
