import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import { planMeasureSchedule, type MeasureSchedule } from '@myomap/domain/outcomes/plan-measure-schedule';
import type { Sql } from '../database/database.ts';
import type { EpisodeRecord } from '../stores/episode-store.ts';
import { loadScheduleFacts } from '../stores/episode-store.ts';
import type { OutcomeSettings } from '../stores/outcome-settings-store.ts';
import { enabledInstruments } from './enabled-instruments.ts';

/**
 * The measures an episode asks for (domain/outcomes/plan-measure-schedule.ts), from its visits and
 * measurements so far. `visit`: 'current' = the visit in progress or just done (staff view, the
 * check-in after it); 'next' = the coming visit (the reminder before it).
 */
export async function scheduleEpisodeMeasures(
  sql: Sql,
  episode: Pick<EpisodeRecord, 'id' | 'region' | 'status'>,
  settings: OutcomeSettings,
  visit: 'current' | 'next' = 'current',
): Promise<MeasureSchedule & { visits: number; atVisit: number; psfsActivities: string[]; atDischarge: string[] }> {
  const facts = await loadScheduleFacts(sql, episode.id, settings.timeZone);
  const atVisit = visit === 'next' ? facts.visits + 1 : Math.max(1, facts.visits);
  const input = {
    region: episode.region,
    status: episode.status,
    atVisit,
    instruments: INSTRUMENTS,
    enabled: new Set(enabledInstruments(settings.licensedInstruments).map((i) => i.id)),
    lastTaken: facts.lastTaken,
    psfsActivities: facts.psfsActivities,
    everyVisits: settings.remeasureEveryVisits,
  };
  const schedule = planMeasureSchedule(input);
  // What discharging would add (the global rating of change), so the therapist sees it before ending the episode.
  const atDischarge = planMeasureSchedule({ ...input, discharging: true })
    .due.filter((d) => d.reason === 'discharge')
    .map((d) => d.instrumentId);
  return { ...schedule, visits: facts.visits, atVisit, psfsActivities: facts.psfsActivities, atDischarge };
}
