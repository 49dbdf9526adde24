import type { MissingHandling } from '@myomap/domain/outcomes/score-measure';
import type { Sql } from '../database/database.ts';

/** One completed measure: the raw answers, and the score where the instrument's rules allow one. */
export interface MeasurementRecord {
  id: string;
  episodeId: string;
  instrumentId: string;
  instrumentVersion: string;
  language: 'en' | 'ar';
  takenOn: string;
  answers: Record<string, number | null>;
  /** null: answered, but not computable under the instrument's missing-item rule. */
  score: number | null;
  missingItems: string[];
  missingHandling: MissingHandling | null;
  source: 'patient_link' | 'clinic_tablet' | 'clinician';
}

const COLUMNS = `id, episode_id as "episodeId", instrument_id as "instrumentId", instrument_version as "instrumentVersion", language,
  to_char(taken_on, 'YYYY-MM-DD') as "takenOn", answers, score, missing_items as "missingItems", missing_handling as "missingHandling", source`;

export async function insertMeasurement(
  sql: Sql,
  m: Omit<MeasurementRecord, 'id'> & {
    patientId: string;
    takenAt: Date;
    recordedBy: string | null;
    /** The link it was answered from (0015_measure_requests.sql). */
    measureRequestId?: string | null;
    /** The signed note whose pain score it is; unique, so a note records its NPRS once. */
    sessionNoteId?: string | null;
  },
): Promise<MeasurementRecord> {
  const [row] = await sql.query<MeasurementRecord>(
    `insert into measurements (episode_id, patient_id, instrument_id, instrument_version, language, taken_on, taken_at, answers, score, missing_items, missing_handling, source, recorded_by,
       measure_request_id, session_note_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning ${COLUMNS}`,
    [
      m.episodeId,
      m.patientId,
      m.instrumentId,
      m.instrumentVersion,
      m.language,
      m.takenOn,
      m.takenAt,
      JSON.stringify(m.answers),
      m.score,
      m.missingItems,
      m.missingHandling,
      m.source,
      m.recordedBy,
      m.measureRequestId ?? null,
      m.sessionNoteId ?? null,
    ],
  );
  return row as MeasurementRecord;
}

/** Oldest first; within a day, in the order they were entered. */
export async function listEpisodeMeasurements(sql: Sql, episodeId: string): Promise<MeasurementRecord[]> {
  return sql.query<MeasurementRecord>(`select ${COLUMNS} from measurements where episode_id = $1 order by taken_on, created_at`, [episodeId]);
}
