import { addDays, daysBetween } from './clinic-dates.ts';

/**
 * An episode of care runs from the initial assessment for one complaint to discharge (goals met,
 * a plateau, referred on, or the patient's choice) or to a drop-out: no visit and no contact for
 * a number of weeks the clinic sets. The drop-out is decided, not recorded by hand, so no episode
 * silently stays "open" forever and out of the outcome figures.
 */
export type EpisodeStatus = 'open' | 'discharged' | 'dropped_out';
export const DISCHARGE_REASONS = ['goals_met', 'plateau', 'referred_on', 'patient_choice'] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

/**
 * Six weeks: longer than the usual gap in a weekly or fortnightly plan, so a patient on a planned
 * break is not called a drop-out at the first missed week. A clinic setting.
 */
export const DEFAULT_DROP_OUT_AFTER_WEEKS = 6;

export interface EpisodeActivity {
  status: EpisodeStatus;
  startedOn: string;
  /** The last attended visit, if any. */
  lastVisitOn?: string | undefined;
  /** The last contact either way (a message answered, a call logged, a measure completed). */
  lastContactOn?: string | undefined;
}

export type EpisodeStatusDecision = { status: 'open'; dropsOutOn: string } | { status: 'discharged' } | { status: 'dropped_out'; droppedOutOn: string };

export function decideEpisodeStatus(episode: EpisodeActivity, today: string, dropOutAfterWeeks = DEFAULT_DROP_OUT_AFTER_WEEKS): EpisodeStatusDecision {
  if (episode.status === 'discharged') return { status: 'discharged' };
  const lastActivity = [episode.startedOn, episode.lastVisitOn, episode.lastContactOn]
    .filter((date): date is string => date !== undefined)
    .reduce((latest, date) => (date > latest ? date : latest));
  const dropsOutOn = addDays(lastActivity, dropOutAfterWeeks * 7);
  // A recorded drop-out stays one, even if the rule's setting later grows.
  if (episode.status === 'dropped_out' || daysBetween(dropsOutOn, today) >= 0) return { status: 'dropped_out', droppedOutOn: dropsOutOn };
  return { status: 'open', dropsOutOn };
}
