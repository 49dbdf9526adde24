import type { DischargeReason, EpisodeStatus } from '@myomap/domain/outcomes/decide-episode-status';
import type { Sql } from '../database/database.ts';

/** Episodes of care (0014_outcomes.sql): one complaint, from the initial assessment to discharge or a drop-out. */
export interface EpisodeRecord {
  id: string;
  patientId: string;
  complaint: string;
  region: string;
  practitionerId: string | null;
  assessmentId: string | null;
  primaryInstrumentId: string;
  startedOn: string;
  status: EpisodeStatus;
  endedOn: string | null;
  dischargeReason: DischargeReason | null;
}

const COLUMNS = `id, patient_id as "patientId", complaint, region, practitioner_id as "practitionerId", assessment_id as "assessmentId",
  primary_instrument_id as "primaryInstrumentId", to_char(started_on, 'YYYY-MM-DD') as "startedOn", status,
  to_char(ended_on, 'YYYY-MM-DD') as "endedOn", discharge_reason as "dischargeReason"`;

export async function insertEpisode(
  sql: Sql,
  episode: Pick<EpisodeRecord, 'patientId' | 'complaint' | 'region' | 'practitionerId' | 'assessmentId' | 'primaryInstrumentId' | 'startedOn'>,
): Promise<EpisodeRecord> {
  const [row] = await sql.query<EpisodeRecord>(
    `insert into episodes (patient_id, complaint, region, practitioner_id, assessment_id, primary_instrument_id, started_on)
     values ($1, btrim($2), $3, $4, $5, $6, $7) returning ${COLUMNS}`,
    [episode.patientId, episode.complaint, episode.region, episode.practitionerId, episode.assessmentId, episode.primaryInstrumentId, episode.startedOn],
  );
  return row as EpisodeRecord;
}

/** `forUpdate` locks the row so that recording and ending an episode do not interleave. */
export async function findEpisode(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<EpisodeRecord | undefined> {
  const [row] = await sql.query<EpisodeRecord>(`select ${COLUMNS} from episodes where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return row;
}

export async function listPatientEpisodes(sql: Sql, patientId: string): Promise<EpisodeRecord[]> {
  return sql.query<EpisodeRecord>(`select ${COLUMNS} from episodes where patient_id = $1 order by started_on desc, created_at desc`, [patientId]);
}

/** Ends an open episode; undefined when it had already ended (another instance got there first). */
export async function endEpisode(
  sql: Sql,
  id: string,
  end: { status: 'discharged'; reason: DischargeReason; on: string } | { status: 'dropped_out'; on: string },
): Promise<EpisodeRecord | undefined> {
  const [row] = await sql.query<EpisodeRecord>(
    `update episodes set status = $2, ended_on = greatest($3::date, started_on), discharge_reason = $4 where id = $1 and status = 'open' returning ${COLUMNS}`,
    [id, end.status, end.on, end.status === 'discharged' ? end.reason : null],
  );
  return row;
}

/**
 * The one definition of an episode's last activity, for every drop-out decision (the nightly
 * rule, the progress view and the report): the latest of its start, the patient's last visit
 * (treatment session) since the start, the last measure answered in it and the last aftercare
 * check-in answered since the start. A lateral join over an episode aliased `e`; `$tz` is the
 * parameter holding the clinic's time zone (dates are the clinic's).
 */
export function lastActivityJoin(tz: string): string {
  return `cross join lateral (
       select greatest(e.started_on,
         (select max((s.started_at at time zone ${tz})::date) from treatment_sessions s
           where s.patient_id = e.patient_id and (s.started_at at time zone ${tz})::date >= e.started_on),
         (select max(m.taken_on) from measurements m where m.episode_id = e.id),
         (select max((c.answered_at at time zone ${tz})::date) from aftercare_checkins c
           where c.patient_id = e.patient_id and c.answered_at is not null and (c.answered_at at time zone ${tz})::date >= e.started_on)
       ) as last_activity_on
     ) act`;
}

/** Open episodes whose last activity (lastActivityJoin) is before `before`: the ones the drop-out rule has ended. */
export async function listOpenEpisodesInactiveSince(sql: Sql, before: string, timeZone: string): Promise<{ id: string; lastActivityOn: string }[]> {
  return sql.query(
    `select e.id, to_char(act.last_activity_on, 'YYYY-MM-DD') as "lastActivityOn"
     from episodes e ${lastActivityJoin('$2')}
     where e.status = 'open' and act.last_activity_on < $1::date`,
    [before, timeZone],
  );
}

/** One episode's last activity (lastActivityJoin), as a clinic date. */
export async function findEpisodeLastActivity(sql: Sql, episodeId: string, timeZone: string): Promise<string | undefined> {
  const [row] = await sql.query<{ on: string }>(
    `select to_char(act.last_activity_on, 'YYYY-MM-DD') as "on" from episodes e ${lastActivityJoin('$2')} where e.id = $1`,
    [episodeId, timeZone],
  );
  return row?.on;
}

export interface ScheduleFacts {
  /** Visits (treatment sessions) since the episode started, up to its end. */
  visits: number;
  /** Per instrument: how many of those visits had happened on the day it was last taken. */
  lastTaken: Record<string, { atVisit: number }>;
  /** The activities of the episode's first PSFS, in the patient's words. */
  psfsActivities: string[];
}

/** What the measurement schedule (plan-measure-schedule.ts) needs to know about an episode. */
export async function loadScheduleFacts(sql: Sql, episodeId: string, timeZone: string): Promise<ScheduleFacts> {
  const rows = await sql.query<{ instrumentId: string | null; atVisit: number; visits: number; psfsActivities: string[] | null }>(
    `with e as (select * from episodes where id = $1),
     v as (
       select (s.started_at at time zone $2)::date as on_date from e join treatment_sessions s on s.patient_id = e.patient_id
       where (s.started_at at time zone $2)::date between e.started_on and coalesce(e.ended_on, 'infinity'::date)
     ),
     last as (select instrument_id, max(taken_on) as taken_on from measurements where episode_id = $1 group by instrument_id),
     psfs as (select answers from measurements where episode_id = $1 and instrument_id = 'psfs' order by taken_on, created_at limit 1)
     select last.instrument_id as "instrumentId", (select count(*) from v where v.on_date <= last.taken_on)::int as "atVisit",
       (select count(*) from v)::int as visits,
       (select array(select jsonb_object_keys(answers)) from psfs) as "psfsActivities"
     from (select 1) one left join last on true`,
    [episodeId, timeZone],
  );
  const first = rows[0];
  return {
    visits: first?.visits ?? 0,
    lastTaken: Object.fromEntries(rows.flatMap((r) => (r.instrumentId ? [[r.instrumentId, { atVisit: r.atVisit }]] : []))),
    psfsActivities: first?.psfsActivities ?? [],
  };
}

/** Whether an assessment is this patient's and a practitioner exists: checked before insert so a bad id is a 404, not a foreign-key error. */
export async function checkEpisodeReferences(
  sql: Sql,
  patientId: string,
  refs: { assessmentId: string | null; practitionerId: string | null },
): Promise<{ assessment: boolean; practitioner: boolean }> {
  const [row] = await sql.query<{ assessment: boolean; practitioner: boolean }>(
    `select ($2::text is null or exists (select 1 from assessments where id = $2 and patient_id = $1)) as assessment,
            ($3::text is null or exists (select 1 from practitioners where id = $3)) as practitioner`,
    [patientId, refs.assessmentId, refs.practitionerId],
  );
  return row ?? { assessment: false, practitioner: false };
}

export interface ProgressPromptCandidate {
  id: string;
  patientId: string;
  patientName: string;
  complaint: string;
  startedOn: string;
  primaryInstrumentId: string;
  /** The practitioner's active staff accounts: who the prompt goes to. */
  userIds: string[];
  /** The primary measure's scored measurements, oldest first. */
  scores: { on: string; score: number }[];
}

/**
 * Open episodes started on or before `startedBy` (old enough for the progress check) whose
 * re-assessment prompt has not been raised, with their primary measure's scores: one query for
 * the whole clinic, the check itself is the domain's (check-progress.ts).
 */
export async function listProgressPromptCandidates(sql: Sql, startedBy: string): Promise<ProgressPromptCandidate[]> {
  return sql.query<ProgressPromptCandidate>(
    `select e.id, e.patient_id as "patientId", p.name as "patientName", e.complaint, to_char(e.started_on, 'YYYY-MM-DD') as "startedOn",
       e.primary_instrument_id as "primaryInstrumentId",
       array(select u.id from staff_users u where u.practitioner_id = e.practitioner_id and u.active order by u.id) as "userIds",
       coalesce((select json_agg(json_build_object('on', to_char(m.taken_on, 'YYYY-MM-DD'), 'score', m.score) order by m.taken_on, m.created_at)
                 from measurements m where m.episode_id = e.id and m.instrument_id = e.primary_instrument_id and m.score is not null), '[]'::json) as scores
     from episodes e join patients p on p.id = e.patient_id
     where e.status = 'open' and e.started_on <= $1::date
       and not exists (select 1 from staff_alerts a where a.episode_id = e.id and a.kind = 'outcome_reassess')
     order by e.started_on, e.id`,
    [startedBy],
  );
}

export interface EpisodeVisitRecord {
  /** The clinic's date of the treatment session. */
  on: string;
  sessionId: string;
  /** Technique ids the visit's note records as done, in the note's order, each once. */
  techniques: string[];
}

/**
 * The patient's treatment sessions from `from` to `to` (clinic dates), with the techniques their
 * notes mark as done, for the progress chart's time axis. A row without a `done` flag predates
 * the flag and was done (treatment-schemas.ts AppliedTechnique); a visit without a note has none.
 */
export async function listEpisodeVisits(sql: Sql, patientId: string, period: { from: string; to: string }, timeZone: string): Promise<EpisodeVisitRecord[]> {
  return sql.query<EpisodeVisitRecord>(
    `select to_char((s.started_at at time zone $4)::date, 'YYYY-MM-DD') as "on", s.id as "sessionId",
       coalesce((
         select array_agg(t.technique_id order by t.first_at)
         from (
           select x.item->>'techniqueId' as technique_id, min(x.ord) as first_at
           from session_notes n cross join lateral jsonb_array_elements(case when jsonb_typeof(n.data->'techniques') = 'array' then n.data->'techniques' else '[]'::jsonb end)
             with ordinality as x(item, ord)
           where n.session_id = s.id and coalesce((x.item->>'done')::boolean, true) and x.item->>'techniqueId' is not null
           group by x.item->>'techniqueId'
         ) t
       ), '{}') as techniques
     from treatment_sessions s
     where s.patient_id = $1 and (s.started_at at time zone $4)::date between $2::date and $3::date
     order by s.started_at, s.id`,
    [patientId, period.from, period.to, timeZone],
  );
}
