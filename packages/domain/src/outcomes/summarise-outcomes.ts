import { daysBetween } from './clinic-dates.ts';
import { classifyChange } from './classify-change.ts';
import type { EpisodeStatus } from './decide-episode-status.ts';
import type { Instrument } from './instrument-schemas.ts';
import { wilsonInterval } from './wilson-interval.ts';

/**
 * The clinic's success rate, told honestly (issue 11):
 * - Intention to treat: the denominator is EVERY episode started in the period. Nobody leaves it:
 *   drop-outs, patients with no follow-up measure and patients still in care are groups of their
 *   own, shown beside the responders, and counted as "not (yet) a responder".
 * - A responder is a discharged episode whose last primary-measure score improved on its
 *   baseline by at least the MCID and the MDC (classify-change.ts). A drop-out is never counted
 *   as a success, even if an interim score had improved (that is reported, not credited).
 * - The rate carries its 95% Wilson interval, so ten patients are not read like a thousand.
 * - Changes are summarised per instrument: a median of NPRS points mixed with LEFS points means nothing.
 */
export type OutcomeGroup = 'responder' | 'non_responder' | 'no_follow_up' | 'dropped_out' | 'in_care';
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = ['responder', 'non_responder', 'no_follow_up', 'dropped_out', 'in_care'];

export interface EpisodeOutcome {
  id: string;
  startedOn: string;
  status: EpisodeStatus;
  region: string;
  complaint: string;
  practitionerId: string;
  /** Attended visits in the episode. */
  visits: number;
  primary: {
    instrumentId: string;
    baseline?: { on: string; score: number } | undefined;
    /** The last score after the baseline. */
    latest?: { on: string; score: number } | undefined;
    /** The first date a score met the meaningful-change threshold, if one did. */
    firstMeaningfulOn?: string | undefined;
  };
}

export interface RateFigure {
  numerator: number;
  denominator: number;
  /** null when there is nothing to divide by. */
  rate: number | null;
  ci95: { low: number; high: number } | null;
}

export interface BreakdownRow {
  key: string;
  started: number;
  groups: Record<OutcomeGroup, number>;
  successRate: RateFigure;
}

export interface OutcomeSummary {
  period: { from: string; to: string };
  started: number;
  groups: Record<OutcomeGroup, number>;
  successRate: RateFigure;
  /** Drop-outs whose last interim score had improved meaningfully: reported, not credited. */
  droppedOutImprovedAtLastMeasure: number;
  /** Median improvement (positive = better) among episodes with a baseline and a follow-up, per instrument. */
  medianImprovement: { instrumentId: string; n: number; median: number }[];
  /** Median days from the episode's start to its first meaningful change, among those who reached one. */
  daysToMeaningfulChange: { n: number; median: number | null };
  breakdowns: { region: BreakdownRow[]; complaint: BreakdownRow[]; practitioner: BreakdownRow[]; visits: BreakdownRow[] };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Visit-count bands for the breakdown: one-off, a short course, a usual course, a long course. */
export function visitBand(visits: number): string {
  if (visits <= 1) return '0-1';
  if (visits <= 3) return '2-3';
  if (visits <= 6) return '4-6';
  if (visits <= 10) return '7-10';
  return '11+';
}

function improvementOf(episode: EpisodeOutcome, instrument: Instrument | undefined) {
  const { baseline, latest } = episode.primary;
  if (!instrument || !baseline || !latest) return undefined;
  return classifyChange(instrument, baseline.score, latest.score);
}

export function classifyEpisode(episode: EpisodeOutcome, instrument: Instrument | undefined): OutcomeGroup {
  if (episode.status === 'open') return 'in_care';
  if (episode.status === 'dropped_out') return 'dropped_out';
  const change = improvementOf(episode, instrument);
  if (!change) return 'no_follow_up';
  return change.direction === 'improved' ? 'responder' : 'non_responder';
}

function emptyGroups(): Record<OutcomeGroup, number> {
  return { responder: 0, non_responder: 0, no_follow_up: 0, dropped_out: 0, in_care: 0 };
}

function rate(numerator: number, denominator: number): RateFigure {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator, ci95: wilsonInterval(numerator, denominator) };
}

function breakdown(rows: readonly { episode: EpisodeOutcome; group: OutcomeGroup }[], keyOf: (episode: EpisodeOutcome) => string): BreakdownRow[] {
  const byKey = new Map<string, Record<OutcomeGroup, number>>();
  for (const { episode, group } of rows) {
    const key = keyOf(episode);
    const groups = byKey.get(key) ?? emptyGroups();
    groups[group] += 1;
    byKey.set(key, groups);
  }
  return [...byKey.entries()]
    .map(([key, groups]) => {
      const started = OUTCOME_GROUPS.reduce((total, group) => total + groups[group], 0);
      return { key, started, groups, successRate: rate(groups.responder, started) };
    })
    .sort((a, b) => b.started - a.started || a.key.localeCompare(b.key));
}

export function summariseOutcomes(
  episodes: readonly EpisodeOutcome[],
  instruments: readonly Instrument[],
  period: { from: string; to: string },
): OutcomeSummary {
  const instrumentById = new Map(instruments.map((instrument) => [instrument.id, instrument]));
  const inPeriod = episodes.filter((episode) => episode.startedOn >= period.from && episode.startedOn <= period.to);
  const rows = inPeriod.map((episode) => ({ episode, group: classifyEpisode(episode, instrumentById.get(episode.primary.instrumentId)) }));

  const groups = emptyGroups();
  for (const { group } of rows) groups[group] += 1;

  const improvements = new Map<string, number[]>();
  let droppedOutImproved = 0;
  for (const { episode, group } of rows) {
    const change = improvementOf(episode, instrumentById.get(episode.primary.instrumentId));
    if (!change) continue;
    const list = improvements.get(episode.primary.instrumentId) ?? [];
    list.push(change.improvement);
    improvements.set(episode.primary.instrumentId, list);
    if (group === 'dropped_out' && change.direction === 'improved') droppedOutImproved += 1;
  }

  const days = rows.flatMap(({ episode }) => {
    const on = episode.primary.firstMeaningfulOn;
    return on === undefined ? [] : [daysBetween(episode.startedOn, on)];
  });

  return {
    period,
    started: rows.length,
    groups,
    successRate: rate(groups.responder, rows.length),
    droppedOutImprovedAtLastMeasure: droppedOutImproved,
    medianImprovement: [...improvements.entries()]
      .map(([instrumentId, values]) => ({ instrumentId, n: values.length, median: median(values) as number }))
      .sort((a, b) => a.instrumentId.localeCompare(b.instrumentId)),
    daysToMeaningfulChange: { n: days.length, median: median(days) },
    breakdowns: {
      region: breakdown(rows, (episode) => episode.region),
      complaint: breakdown(rows, (episode) => episode.complaint),
      practitioner: breakdown(rows, (episode) => episode.practitionerId),
      visits: breakdown(rows, (episode) => visitBand(episode.visits)),
    },
  };
}
