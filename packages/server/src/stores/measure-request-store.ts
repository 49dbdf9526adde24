import type { Sql } from '../database/database.ts';

/** A link a patient answers their due measures from (0015_measure_requests.sql). Only the token's hash is stored. */
export interface MeasureRequestRecord {
  id: string;
  episodeId: string;
  patientId: string;
  episodeStatus: 'open' | 'discharged' | 'dropped_out';
  instrumentIds: string[];
  psfsActivities: string[];
  channel: 'patient_link' | 'clinic_tablet';
  language: 'en' | 'ar';
  expiresAt: Date;
  completedAt: Date | null;
}

export interface NewMeasureRequest {
  tokenHash: string;
  episodeId: string;
  instrumentIds: readonly string[];
  psfsActivities: readonly string[];
  channel: MeasureRequestRecord['channel'];
  purpose: 'tablet' | 'reminder' | 'checkin';
  /** The appointment or session a message's link belongs to; null for the tablet. */
  purposeKey: string | null;
  language: 'en' | 'ar';
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Inserts a request; undefined when the message it belongs to already has one (a retried write). */
export async function insertMeasureRequest(sql: Sql, request: NewMeasureRequest): Promise<{ id: string } | undefined> {
  const [row] = await sql.query<{ id: string }>(
    `insert into measure_requests (token_hash, episode_id, instrument_ids, psfs_activities, channel, purpose, purpose_key, language, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (purpose, purpose_key) where purpose_key is not null do nothing returning id`,
    [
      request.tokenHash,
      request.episodeId,
      request.instrumentIds,
      request.psfsActivities,
      request.channel,
      request.purpose,
      request.purposeKey,
      request.language,
      request.createdBy,
      request.createdAt.toISOString(),
      request.expiresAt.toISOString(),
    ],
  );
  return row;
}

/** `forUpdate` locks the request so that two submits queue and the second sees the first's answer. */
export async function findMeasureRequestByTokenHash(
  sql: Sql,
  tokenHash: string,
  options: { forUpdate?: boolean } = {},
): Promise<MeasureRequestRecord | undefined> {
  const [row] = await sql.query<MeasureRequestRecord>(
    `select r.id, r.episode_id as "episodeId", e.patient_id as "patientId", e.status as "episodeStatus", r.instrument_ids as "instrumentIds",
       r.psfs_activities as "psfsActivities", r.channel, r.language, r.expires_at as "expiresAt", r.completed_at as "completedAt"
     from measure_requests r join episodes e on e.id = r.episode_id where r.token_hash = $1${options.forUpdate ? ' for update of r' : ''}`,
    [tokenHash],
  );
  return row;
}

export async function markMeasureRequestCompleted(sql: Sql, id: string, at: Date): Promise<boolean> {
  const rows = await sql.query(`update measure_requests set completed_at = $2 where id = $1 and completed_at is null returning id`, [id, at.toISOString()]);
  return rows.length > 0;
}

/** The patient's most recently started open episode, with their preferred language: where a message's link points. */
export async function findLatestOpenEpisode(
  sql: Sql,
  patientId: string,
): Promise<{ id: string; region: string; status: 'open'; language: 'en' | 'ar' } | undefined> {
  const [row] = await sql.query<{ id: string; region: string; status: 'open'; language: 'en' | 'ar' }>(
    `select e.id, e.region, e.status, p.preferred_language as language from episodes e join patients p on p.id = e.patient_id
     where e.patient_id = $1 and e.status = 'open' order by e.started_on desc, e.created_at desc limit 1`,
    [patientId],
  );
  return row;
}
