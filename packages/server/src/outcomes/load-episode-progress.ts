import { checkGoals, type GoalCheck } from '@myomap/domain/outcomes/check-goals';
import { checkProgress, type ProgressCheck } from '@myomap/domain/outcomes/check-progress';
import { classifyChange, comparePatientSpecific, type ChangeClassification } from '@myomap/domain/outcomes/classify-change';
import { decideEpisodeStatus } from '@myomap/domain/outcomes/decide-episode-status';
import { findInstrument } from '@myomap/domain/outcomes/load-instruments';
import { Value } from '@sinclair/typebox/value';
import { PlanGoal } from '@myomap/domain/treatment/treatment-schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { findEpisode, findEpisodeLastActivity, listEpisodeVisits, type EpisodeRecord, type EpisodeVisitRecord } from '../stores/episode-store.ts';
import { listEpisodeMeasurements, type MeasurementRecord } from '../stores/measurement-store.ts';
import { findLatestPlanGoals, loadOutcomeSettings } from '../stores/outcome-settings-store.ts';
import { scheduleEpisodeMeasures } from './schedule-episode-measures.ts';

export interface MeasureSeries {
  instrumentId: string;
  measurements: (MeasurementRecord & { changeFromBaseline: ChangeClassification | null })[];
}

export interface EpisodeProgress {
  episode: EpisodeRecord;
  /** "open" episodes past the drop-out rule show as dropped out, whether or not the nightly task has run. */
  effectiveStatus: EpisodeRecord['status'];
  series: MeasureSeries[];
  goals: GoalCheck[];
  progress: ProgressCheck;
  /** What is due now (plan-measure-schedule.ts). */
  schedule: Awaited<ReturnType<typeof scheduleEpisodeMeasures>>;
  /** The treatment sessions within the episode and the techniques done, for the chart's shared time axis. */
  visits: EpisodeVisitRecord[];
}

/**
 * One episode's progress: every measure over time with its change from the baseline, the plan's
 * goals met / not met / not yet measured, whether the re-assessment prompt is due, and the visits
 * (with the techniques done) in the same period.
 */
export async function loadEpisodeProgress(ctx: AppContext, episodeId: string, actor: Actor): Promise<EpisodeProgress> {
  const settings = await loadOutcomeSettings(ctx.db);
  const today = localDate(ctx.clock.now(), settings.timeZone);
  return ctx.db.transaction(async (tx) => {
    const episode = await findEpisode(tx, episodeId);
    if (!episode) throw new AppError('not_found', 'No such episode.');
    const measurements = await listEpisodeMeasurements(tx, episodeId);
    const visits = await listEpisodeVisits(tx, episode.patientId, { from: episode.startedOn, to: episode.endedOn ?? today }, settings.timeZone);
    const goals = (await findLatestPlanGoals(tx, episode.patientId)).filter((goal) => Value.Check(PlanGoal, goal));
    await writeAudit(tx, actor, { action: 'episodes.read', entityType: 'episode', entityId: episodeId, after: { patientId: episode.patientId } });

    const series = groupSeries(measurements);
    const latestOf = (instrumentId: string) => measurements.filter((m) => m.instrumentId === instrumentId && m.takenOn >= episode.startedOn).at(-1);
    const nprs = latestOf('nprs');
    const psfs = latestOf('psfs');
    const primary = findInstrument(episode.primaryInstrumentId);
    const scored = measurements
      .filter((m) => m.instrumentId === episode.primaryInstrumentId && m.score !== null)
      .map((m) => ({ on: m.takenOn, score: m.score as number }));
    // The same last activity (visits, measures, check-ins) as the report and the drop-out task.
    const lastActivity = await findEpisodeLastActivity(tx, episodeId, settings.timeZone);
    const status = decideEpisodeStatus({ status: episode.status, startedOn: episode.startedOn, lastContactOn: lastActivity }, today, settings.dropOutWeeks);
    const schedule = await scheduleEpisodeMeasures(tx, { ...episode, status: status.status }, settings);
    return {
      episode,
      effectiveStatus: status.status,
      series,
      goals: checkGoals(goals, {
        nprs: nprs && nprs.score !== null ? { on: nprs.takenOn, score: nprs.score } : undefined,
        psfs: psfs ? { on: psfs.takenOn, ratings: psfs.answers } : undefined,
      }),
      progress: primary
        ? checkProgress({
            instrument: primary,
            startedOn: episode.startedOn,
            baseline: scored[0],
            followUps: scored.slice(1),
            today,
            afterWeeks: settings.progressCheckWeeks,
          })
        : { status: 'no_baseline', weeks: 0 },
      schedule,
      visits,
    };
  });
}

function groupSeries(measurements: readonly MeasurementRecord[]): MeasureSeries[] {
  const byInstrument = new Map<string, MeasurementRecord[]>();
  for (const m of measurements) {
    const list = byInstrument.get(m.instrumentId) ?? [];
    list.push(m);
    byInstrument.set(m.instrumentId, list);
  }
  return [...byInstrument.entries()].map(([instrumentId, list]) => {
    const instrument = findInstrument(instrumentId);
    const baseline = list.find((m) => m.score !== null);
    return {
      instrumentId,
      measurements: list.map((m) => {
        if (!instrument || !baseline || m === baseline || m.score === null) return { ...m, changeFromBaseline: null };
        // PSFS is compared over the activities rated both times (classify-change.ts).
        const change = instrument.patientSpecific
          ? (comparePatientSpecific(instrument, baseline.answers, m.answers) ?? null)
          : classifyChange(instrument, baseline.score as number, m.score);
        return { ...m, changeFromBaseline: change };
      }),
    };
  });
}
