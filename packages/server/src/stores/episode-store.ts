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
 * Open episodes whose last visit, contact or start is before `before`: the ones the drop-out
 * rule has ended. Visits are treatment sessions; a contact is a measure answered or an aftercare
 * check-in answered.
 */
export async function listOpenEpisodesInactiveSince(sql: Sql, before: string, timeZone: string): Promise<{ id: string; lastActivityOn: string }[]> {
  return sql.query(
    `select e.id, to_char(greatest(e.started_on, a.last_visit, a.last_measure, a.last_checkin), 'YYYY-MM-DD') as "lastActivityOn"
     from episodes e
     cross join lateral (
       select (select max((s.started_at at time zone $2)::date) from treatment_sessions s where s.patient_id = e.patient_id and (s.started_at at time zone $2)::date >= e.started_on) as last_visit,
              (select max(m.taken_on) from measurements m where m.episode_id = e.id) as last_measure,
              (select max((c.answered_at at time zone $2)::date) from aftercare_checkins c where c.patient_id = e.patient_id and c.answered_at is not null) as last_checkin
     ) a
     where e.status = 'open' and greatest(e.started_on, a.last_visit, a.last_measure, a.last_checkin) < $1::date`,
    [before, timeZone],
  );
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
