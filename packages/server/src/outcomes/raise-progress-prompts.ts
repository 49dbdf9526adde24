import { addDays } from '@myomap/domain/outcomes/clinic-dates';
import { checkProgress } from '@myomap/domain/outcomes/check-progress';
import { findInstrument } from '@myomap/domain/outcomes/load-instruments';
import type { AppContext } from '../app-context.ts';
import { systemActor, writeAudit } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { insertEpisodeStaffAlert } from '../stores/aftercare-store.ts';
import { listProgressPromptCandidates } from '../stores/episode-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';

export const PROGRESS_PROMPT_KIND = 'outcome_reassess';

/**
 * "No meaningful improvement (at least the MCID and the MDC) on the primary measure after the
 * clinic's N weeks" reaches the treating therapist as a re-assessment or referral prompt on their
 * alerts list (clinical reference §6: "if change is < MCID on the primary measure after 4–6
 * sessions, re-assess and refer to a physician"). Once per episode; runs with the background tasks.
 */
export async function raiseProgressPrompts(ctx: AppContext): Promise<number> {
  const settings = await loadOutcomeSettings(ctx.db);
  const today = localDate(ctx.clock.now(), settings.timeZone);
  const candidates = await listProgressPromptCandidates(ctx.db, addDays(today, -7 * settings.progressCheckWeeks));
  let raised = 0;
  for (const episode of candidates) {
    const instrument = findInstrument(episode.primaryInstrumentId);
    const userId = episode.userIds[0];
    if (!instrument || !userId) continue;
    const check = checkProgress({
      instrument,
      startedOn: episode.startedOn,
      baseline: episode.scores[0],
      followUps: episode.scores.slice(1),
      today,
      afterWeeks: settings.progressCheckWeeks,
    });
    if (check.status !== 'reassess') continue;
    const name = instrument.name.en;
    const message =
      `${episode.patientName} (${episode.complaint}): no meaningful improvement on ${name} after ${check.weeks} weeks ` +
      `(baseline ${check.baseline.score}, latest ${check.latest.score}). Re-assess the plan, or refer to a physician.`;
    const inserted = await ctx.db.transaction(async (tx) => {
      const done = await insertEpisodeStaffAlert(tx, {
        userId,
        kind: PROGRESS_PROMPT_KIND,
        patientId: episode.patientId,
        episodeId: episode.id,
        message,
        params: {
          complaint: episode.complaint,
          instrumentId: instrument.id,
          weeks: check.weeks,
          baseline: check.baseline.score,
          latest: check.latest.score,
        },
        now: ctx.clock.now(),
      });
      if (done)
        await writeAudit(tx, systemActor, {
          action: 'alerts.progress_prompt',
          entityType: 'episode',
          entityId: episode.id,
          after: { userId, weeks: check.weeks },
        });
      return done;
    });
    if (inserted) raised += 1;
  }
  return raised;
}
