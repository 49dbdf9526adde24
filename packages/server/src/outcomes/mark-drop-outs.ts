import { decideEpisodeStatus } from '@myomap/domain/outcomes/decide-episode-status';
import type { AppContext } from '../app-context.ts';
import { systemActor, writeAudit } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { addDays } from '@myomap/domain/outcomes/clinic-dates';
import { endEpisode, listOpenEpisodesInactiveSince } from '../stores/episode-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';

/**
 * Ends as drop-outs the open episodes with no visit and no contact for the clinic's number of
 * weeks (decide-episode-status.ts). Runs with the background tasks; the report applies the same
 * rule on read, so a figure never waits for this to run.
 */
export async function markDropOuts(ctx: AppContext): Promise<number> {
  const settings = await loadOutcomeSettings(ctx.db);
  const today = localDate(ctx.clock.now(), settings.timeZone);
  const candidates = await listOpenEpisodesInactiveSince(ctx.db, addDays(today, -7 * settings.dropOutWeeks + 1), settings.timeZone);
  let marked = 0;
  for (const candidate of candidates) {
    const decision = decideEpisodeStatus({ status: 'open', startedOn: candidate.lastActivityOn }, today, settings.dropOutWeeks);
    if (decision.status !== 'dropped_out') continue;
    const ended = await ctx.db.transaction(async (tx) => {
      const after = await endEpisode(tx, candidate.id, { status: 'dropped_out', on: decision.droppedOutOn });
      if (after) await writeAudit(tx, systemActor, { action: 'episodes.drop_out', entityType: 'episode', entityId: candidate.id, after });
      return after !== undefined;
    });
    if (ended) marked += 1;
  }
  return marked;
}
