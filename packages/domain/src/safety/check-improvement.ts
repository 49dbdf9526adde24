import { daysBetween } from '../outcomes/clinic-dates.ts';

/**
 * "No meaningful improvement after 4–6 weeks of treatment" prompts re-assessment or referral
 * (clinical reference §6; Finucane 2020 lists failure to improve as a red flag for serious
 * pathology). Meaningful = the NPRS fell by at least 2 points: the minimal clinically important
 * difference for NPRS is 2 points (Farrar 2001). Pure: dates are YYYY-MM-DD in the clinic's zone.
 */
export const NPRS_MCID = 2;
export const DEFAULT_REASSESS_AFTER_WEEKS = 6;

export interface PainReading {
  date: string;
  /** NPRS 0–10. */
  pain: number;
}

export type ImprovementCheck =
  | { status: 'too_early' | 'no_data' | 'improving'; weeks: number; change?: number }
  | { status: 'reassess'; weeks: number; change: number; baseline: PainReading; latest: PainReading };

/**
 * baseline: the pain at the start of treatment (the intake's NPRS, or the first session's);
 * readings: the pain recorded at later sessions; firstSession: the date treatment began.
 */
export function checkImprovement(input: {
  baseline: PainReading | undefined;
  readings: readonly PainReading[];
  firstSession: string | undefined;
  today: string;
  reassessAfterWeeks?: number;
}): ImprovementCheck {
  const threshold = input.reassessAfterWeeks ?? DEFAULT_REASSESS_AFTER_WEEKS;
  if (!input.firstSession || !input.baseline) return { status: 'no_data', weeks: 0 };
  const weeks = Math.floor(daysBetween(input.firstSession, input.today) / 7);
  const latest = [...input.readings].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (!latest) return { status: 'no_data', weeks };
  const change = input.baseline.pain - latest.pain;
  if (change >= NPRS_MCID) return { status: 'improving', weeks, change };
  if (weeks < threshold) return { status: 'too_early', weeks, change };
  return { status: 'reassess', weeks, change, baseline: input.baseline, latest };
}
