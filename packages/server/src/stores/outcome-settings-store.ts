import type { Sql } from '../database/database.ts';

export interface OutcomeSettings {
  timeZone: string;
  dropOutWeeks: number;
  progressCheckWeeks: number;
  /** The region measure and PSFS are re-taken every this many visits (plan-measure-schedule.ts). */
  remeasureEveryVisits: number;
  licensedInstruments: string[];
}

export async function loadOutcomeSettings(sql: Sql): Promise<OutcomeSettings> {
  const [row] = await sql.query<OutcomeSettings>(
    `select time_zone as "timeZone", outcome_drop_out_weeks as "dropOutWeeks", outcome_progress_check_weeks as "progressCheckWeeks",
       outcome_remeasure_every_visits as "remeasureEveryVisits",
       licensed_instruments as "licensedInstruments" from clinic`,
  );
  if (!row) throw new Error('The clinic is not set up.');
  return row;
}

/** The goals of the patient's latest approved plan (propose-treatment-plan.ts), if any. */
export async function findLatestPlanGoals(sql: Sql, patientId: string): Promise<unknown[]> {
  const [row] = await sql.query<{ goals: unknown[] | null }>(
    `select data->'goals' as goals from treatment_plans where patient_id = $1 and status = 'approved' order by approved_at desc nulls last, created_at desc limit 1`,
    [patientId],
  );
  return Array.isArray(row?.goals) ? row.goals : [];
}
