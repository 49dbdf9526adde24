import { meaningfulThreshold } from '@myomap/domain/outcomes/classify-change';
import { decideEpisodeStatus } from '@myomap/domain/outcomes/decide-episode-status';
import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import { summariseOutcomes, type EpisodeOutcome, type OutcomeSummary } from '@myomap/domain/outcomes/summarise-outcomes';
import type { AppContext } from '../app-context.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { AppError } from '../lib/app-error.ts';
import { daysBetween, isRealDate, localDate } from '../lib/zoned-time.ts';
import { loadEpisodeReportRows, type EpisodeReportRow } from '../stores/outcome-report-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';

const THRESHOLDS = INSTRUMENTS.flatMap((instrument) => {
  const threshold = meaningfulThreshold(instrument);
  return threshold === null ? [] : [{ instrumentId: instrument.id, threshold, higherIsBetter: instrument.higherIsBetter }];
});

/** A report covers at most five years, from a date not after its end. */
export function checkReportPeriod(period: { from: string; to: string }): { from: string; to: string } {
  if (!isRealDate(period.from) || !isRealDate(period.to))
    throw new AppError('validation_failed', 'Dates must be real calendar dates.', [{ field: 'querystring', problem: 'is not a real date' }]);
  if (period.from > period.to) throw new AppError('invalid_range', '`from` must not be after `to`.');
  if (daysBetween(period.from, period.to) > 5 * 366) throw new AppError('invalid_range', 'A report covers at most five years.');
  return { from: period.from, to: period.to };
}

/** The clinic's outcome report for episodes started in the period (summarise-outcomes.ts says how it is counted). */
export async function loadOutcomeReport(
  ctx: AppContext,
  period: { from: string; to: string },
  actor: Actor,
): Promise<OutcomeSummary & { dropOutWeeks: number }> {
  const settings = await loadOutcomeSettings(ctx.db);
  const today = localDate(ctx.clock.now(), settings.timeZone);
  const rows = await loadEpisodeReportRows(ctx.db, period, THRESHOLDS, settings.timeZone, today);
  await ctx.db.transaction((tx) => writeAudit(tx, actor, { action: 'outcomes.report', entityType: 'clinic', after: { ...period, episodes: rows.length } }));
  const episodes = rows.map((row) => toEpisodeOutcome(row, today, settings.dropOutWeeks));
  return { ...summariseOutcomes(episodes, INSTRUMENTS, period), dropOutWeeks: settings.dropOutWeeks };
}

export function toEpisodeOutcome(row: EpisodeReportRow, today: string, dropOutWeeks: number): EpisodeOutcome {
  const status = decideEpisodeStatus(
    // The last activity is episode-store.ts's one definition, the same the progress view and the drop-out task use.
    { status: row.status, startedOn: row.startedOn, lastVisitOn: row.lastVisitOn ?? undefined, lastContactOn: row.lastActivityOn },
    today,
    dropOutWeeks,
  ).status;
  return {
    id: row.id,
    startedOn: row.startedOn,
    status,
    region: row.region,
    complaint: row.complaint,
    practitionerId: row.practitionerId,
    visits: row.visits,
    primary: {
      instrumentId: row.primaryInstrumentId,
      baseline: row.baselineOn !== null && row.baselineScore !== null ? { on: row.baselineOn, score: row.baselineScore } : undefined,
      latest: row.latestOn !== null && row.latestScore !== null ? { on: row.latestOn, score: row.latestScore } : undefined,
      firstMeaningfulOn: row.firstMeaningfulOn ?? undefined,
    },
  };
}
