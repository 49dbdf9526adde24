import type { EpisodeProgressOut, InstrumentOut } from '../api/outcomes-api.ts';

type Progress = EpisodeProgressOut;
type Measurement = Progress['series'][number]['measurements'][number];

/** A meaningful change: the change from baseline reached max(MCID, MDC) (classify-change.ts). */
export type ChangeFlag = 'improved' | 'worsened';

/** One point on a measure's time axis: a scored measure, a visit, or both on the same day. */
export interface ChartRow {
  /** Days since the episode started: the shared x axis of every chart of the episode. */
  day: number;
  on: string;
  score: number | null;
  flag: ChangeFlag | null;
  /** Technique ids done at a visit on this day; undefined when there was no visit. */
  techniques: string[] | undefined;
}

export interface MeasureChart {
  instrumentId: string;
  rows: ChartRow[];
  /** The goal line: the plan's goal for this measure, else the baseline moved by the MCID. */
  target: { value: number; source: 'plan_goal' | 'mcid' } | null;
  range: { min: number; max: number };
  higherIsBetter: boolean;
  /** Dates of measures answered too incompletely to score: listed, never drawn as 0. */
  unscored: string[];
}

/** Whole days from one YYYY-MM-DD to another (UTC arithmetic on calendar dates: no DST). */
export function dayOffset(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function flagOf(measurement: Measurement): ChangeFlag | null {
  const direction = measurement.changeFromBaseline?.direction;
  return direction === 'improved' || direction === 'worsened' ? direction : null;
}

/**
 * The goal line for one measure. NPRS takes the treatment plan's goal when there is one (its target
 * is itself set from the MCID: propose-treatment-plan.ts); any other measure with an MCID takes the
 * baseline moved by the MCID in the direction of improvement, kept within the scale.
 */
export function targetFor(instrument: InstrumentOut, baseline: number | undefined, goals: Progress['goals']): MeasureChart['target'] {
  const planGoal = goals.find((goal) => goal.goal.measure === instrument.id && goal.goal.activity === undefined);
  if (planGoal) return { value: planGoal.goal.target, source: 'plan_goal' };
  if (baseline === undefined || !instrument.mcid) return null;
  const moved = instrument.higherIsBetter ? baseline + instrument.mcid.value : baseline - instrument.mcid.value;
  return { value: Math.min(instrument.range.max, Math.max(instrument.range.min, moved)), source: 'mcid' };
}

/** The last day any chart of the episode needs: its latest measure or visit (at least day 1, so a lone point has room). */
export function axisEnd(progress: Progress): number {
  const days = [
    ...progress.series.flatMap((series) => series.measurements.map((m) => dayOffset(progress.episode.startedOn, m.takenOn))),
    ...progress.visits.map((visit) => dayOffset(progress.episode.startedOn, visit.on)),
  ];
  return Math.max(1, ...days);
}

/**
 * One chart per measure, each on the episode's shared day axis, with the episode's visits (and the
 * techniques done) merged in as rows of their own or onto a measure taken the same day.
 */
export function shapeProgressCharts(progress: Progress, instruments: readonly InstrumentOut[]): MeasureChart[] {
  const start = progress.episode.startedOn;
  return progress.series.flatMap((series) => {
    const instrument = instruments.find((candidate) => candidate.id === series.instrumentId);
    if (!instrument) return [];
    const scored = series.measurements.filter((m) => m.score !== null);
    const rows: ChartRow[] = scored.map((m) => ({
      day: dayOffset(start, m.takenOn),
      on: m.takenOn,
      score: m.score,
      flag: flagOf(m),
      techniques: undefined,
    }));
    for (const visit of progress.visits) {
      const sameDay = rows.find((row) => row.on === visit.on && row.techniques === undefined);
      if (sameDay) sameDay.techniques = visit.techniques;
      else rows.push({ day: dayOffset(start, visit.on), on: visit.on, score: null, flag: null, techniques: visit.techniques });
    }
    rows.sort((a, b) => a.day - b.day);
    return [
      {
        instrumentId: instrument.id,
        rows,
        target: targetFor(instrument, scored[0]?.score ?? undefined, progress.goals),
        range: instrument.range,
        higherIsBetter: instrument.higherIsBetter,
        unscored: series.measurements.filter((m) => m.score === null).map((m) => m.takenOn),
      },
    ];
  });
}
