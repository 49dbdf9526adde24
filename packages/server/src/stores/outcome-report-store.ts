import type { Sql } from '../database/database.ts';
import { lastActivityJoin } from './episode-store.ts';

/** One episode's facts for the outcome report, read in one query for the whole period. */
export interface EpisodeReportRow {
  id: string;
  startedOn: string;
  status: 'open' | 'discharged' | 'dropped_out';
  region: string;
  complaint: string;
  practitionerId: string;
  primaryInstrumentId: string;
  baselineOn: string | null;
  baselineScore: number | null;
  latestOn: string | null;
  latestScore: number | null;
  firstMeaningfulOn: string | null;
  visits: number;
  lastVisitOn: string | null;
  /** The episode's last activity: episode-store.ts's one definition (visits, measures, check-ins). */
  lastActivityOn: string;
}

export interface InstrumentThreshold {
  instrumentId: string;
  /** max(MCID, MDC): classify-change.ts's meaningfulThreshold. */
  threshold: number;
  higherIsBetter: boolean;
}

/**
 * Every episode started in [from, to] with its primary measure's baseline (the first scored
 * measurement), latest (the last scored one on a later day), the first date the change reached the
 * meaningful threshold, its visits and its last activity. The classification itself happens in
 * the domain (summarise-outcomes.ts); SQL only gathers, so the arithmetic is tested once.
 */
export async function loadEpisodeReportRows(
  sql: Sql,
  period: { from: string; to: string },
  thresholds: readonly InstrumentThreshold[],
  timeZone: string,
  today: string,
): Promise<EpisodeReportRow[]> {
  return sql.query<EpisodeReportRow>(
    `with e as (
       select id, patient_id, started_on, status, ended_on, region, complaint, coalesce(practitioner_id, '') as practitioner_id, primary_instrument_id
       from episodes where started_on between $1::date and $2::date
     ),
     t as (select * from unnest($3::text[], $4::float8[], $5::boolean[]) as t(instrument_id, threshold, higher_is_better)),
     pm as (
       select m.id, m.episode_id, m.taken_on, m.created_at, m.score
       from measurements m join e on e.id = m.episode_id and m.instrument_id = e.primary_instrument_id
       where m.score is not null
     ),
     b as (select distinct on (episode_id) episode_id, id, taken_on, score from pm order by episode_id, taken_on, created_at),
     -- A follow-up is taken on a later day than the baseline: a second score the same day (the note's pain
     -- after the intake's NPRS) says nothing about change over the episode.
     later as (select pm.* , b.score as baseline_score from pm join b on b.episode_id = pm.episode_id and pm.taken_on > b.taken_on),
     l as (select distinct on (episode_id) episode_id, taken_on, score from later order by episode_id, taken_on desc, created_at desc),
     f as (
       select later.episode_id, min(later.taken_on) as first_meaningful
       from later join e on e.id = later.episode_id join t on t.instrument_id = e.primary_instrument_id
       -- Scores are means and percentages: the same tolerance as classify-change.ts.
       where (case when t.higher_is_better then later.score - later.baseline_score else later.baseline_score - later.score end) >= t.threshold - 1e-9
       group by later.episode_id
     ),
     v as (
       select e.id as episode_id, count(*)::int as visits, max((s.started_at at time zone $6)::date) as last_visit
       from e join treatment_sessions s on s.patient_id = e.patient_id
         and (s.started_at at time zone $6)::date between e.started_on and coalesce(e.ended_on, $7::date)
       group by e.id
     )
     select e.id, to_char(e.started_on, 'YYYY-MM-DD') as "startedOn", e.status, e.region, e.complaint, e.practitioner_id as "practitionerId",
       e.primary_instrument_id as "primaryInstrumentId",
       to_char(b.taken_on, 'YYYY-MM-DD') as "baselineOn", b.score as "baselineScore",
       to_char(l.taken_on, 'YYYY-MM-DD') as "latestOn", l.score as "latestScore",
       to_char(f.first_meaningful, 'YYYY-MM-DD') as "firstMeaningfulOn",
       coalesce(v.visits, 0) as visits, to_char(v.last_visit, 'YYYY-MM-DD') as "lastVisitOn",
       to_char(act.last_activity_on, 'YYYY-MM-DD') as "lastActivityOn"
     from e ${lastActivityJoin('$6')}
       left join b on b.episode_id = e.id left join l on l.episode_id = e.id left join f on f.episode_id = e.id
       left join v on v.episode_id = e.id
     order by e.started_on, e.id`,
    [
      period.from,
      period.to,
      thresholds.map((t) => t.instrumentId),
      thresholds.map((t) => t.threshold),
      thresholds.map((t) => t.higherIsBetter),
      timeZone,
      today,
    ],
  );
}
