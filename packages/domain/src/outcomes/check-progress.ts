import { daysBetween } from './clinic-dates.ts';
import { classifyChange, type ChangeClassification } from './classify-change.ts';
import type { Instrument } from './instrument-schemas.ts';

/**
 * "No meaningful improvement after 4–6 weeks of treatment" prompts the therapist to re-assess or
 * refer (clinical reference §6). Meaningful = classify-change.ts (at least the MCID and the MDC)
 * on the episode's primary measure. The number of weeks is a clinic setting.
 */
export const DEFAULT_PROGRESS_CHECK_WEEKS = 6;

export interface ScoredMeasurement {
  on: string;
  score: number;
}

export type ProgressCheck =
  | { status: 'no_baseline' | 'no_follow_up'; weeks: number }
  | { status: 'improving' | 'too_early'; weeks: number; change: ChangeClassification; latest: ScoredMeasurement }
  | { status: 'reassess'; weeks: number; change: ChangeClassification; baseline: ScoredMeasurement; latest: ScoredMeasurement };

export function checkProgress(input: {
  instrument: Instrument;
  startedOn: string;
  baseline: ScoredMeasurement | undefined;
  followUps: readonly ScoredMeasurement[];
  today: string;
  afterWeeks?: number;
}): ProgressCheck {
  const weeks = Math.floor(daysBetween(input.startedOn, input.today) / 7);
  if (!input.baseline) return { status: 'no_baseline', weeks };
  const latest = [...input.followUps]
    .filter((m) => m.on >= (input.baseline as ScoredMeasurement).on)
    .sort((a, b) => a.on.localeCompare(b.on))
    .at(-1);
  if (!latest || latest === input.baseline) return { status: 'no_follow_up', weeks };
  const change = classifyChange(input.instrument, input.baseline.score, latest.score);
  if (change.direction === 'improved') return { status: 'improving', weeks, change, latest };
  if (weeks < (input.afterWeeks ?? DEFAULT_PROGRESS_CHECK_WEEKS)) return { status: 'too_early', weeks, change, latest };
  return { status: 'reassess', weeks, change, baseline: input.baseline, latest };
}
