import type { PlanData } from '@myomap/domain/treatment/treatment-schemas';
import type { Sql } from '../database/database.ts';

/** Treatment plans (a JSON document per plan) and the series of visits booked from them. */

export type PlanStatus = 'draft' | 'awaiting_cosign' | 'approved';

export interface PlanDetailRow {
  id: string;
  patientId: string;
  patientName: string;
  authorId: string;
  authorName: string;
  assessmentId: string;
  status: PlanStatus;
  data: PlanData;
  requiresCosign: boolean;
  approvedBy: string | null;
  approvedAt: Date | null;
  cosignedBy: string | null;
  cosignedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The latest series booked from this plan. */
  seriesId: string | null;
}

export async function findPlanDetail(sql: Sql, id: string): Promise<PlanDetailRow | undefined> {
  const [row] = await sql.query<PlanDetailRow>(
    `select p.id, p.patient_id as "patientId", pt.name as "patientName", p.created_by as "authorId", cr.name as "authorName", p.assessment_id as "assessmentId", p.status, p.data,
       p.requires_cosign as "requiresCosign", a.name as "approvedBy", p.approved_at as "approvedAt", c.name as "cosignedBy",
       p.cosigned_at as "cosignedAt", p.created_at as "createdAt", p.updated_at as "updatedAt",
       (select s.id from appointment_series s where s.plan_id = p.id order by s.created_at desc limit 1) as "seriesId"
     from treatment_plans p join patients pt on pt.id = p.patient_id left join staff_users a on a.id = p.approved_by left join staff_users c on c.id = p.cosigned_by join staff_users cr on cr.id = p.created_by
     where p.id = $1`,
    [id],
  );
  return row;
}

export interface SeriesAppointmentRow {
  id: string;
  reference: string;
  startsAt: Date;
  status: string;
}

export function listSeriesAppointments(sql: Sql, seriesId: string): Promise<SeriesAppointmentRow[]> {
  return sql.query<SeriesAppointmentRow>('select id, reference, starts_at as "startsAt", status from appointments where series_id = $1 order by starts_at', [
    seriesId,
  ]);
}

export interface PlanSummaryRow {
  id: string;
  status: PlanStatus;
  createdAt: Date;
  requiresCosign: boolean;
  assessmentId: string;
}

export function listPatientPlans(sql: Sql, patientId: string): Promise<PlanSummaryRow[]> {
  return sql.query<PlanSummaryRow>(
    `select id, status, created_at as "createdAt", requires_cosign as "requiresCosign", assessment_id as "assessmentId" from treatment_plans where patient_id = $1 order by created_at desc`,
    [patientId],
  );
}

export interface LockedPlan {
  status: PlanStatus;
  data: PlanData;
  requiresCosign: boolean;
  authorId: string;
  patientId: string;
}

/** The plan's row, locked for the rest of the transaction (every write to a plan takes it first). */
export async function lockPlan(tx: Sql, id: string): Promise<LockedPlan | undefined> {
  const [row] = await tx.query<LockedPlan>(
    'select status, data, requires_cosign as "requiresCosign", created_by as "authorId", patient_id as "patientId" from treatment_plans where id = $1 for update',
    [id],
  );
  return row;
}

export async function insertPlan(
  tx: Sql,
  plan: { patientId: string; assessmentId: string; data: PlanData; requiresCosign: boolean; authorId: string; now: Date },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into treatment_plans (patient_id, assessment_id, data, requires_cosign, created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning id`,
    [plan.patientId, plan.assessmentId, JSON.stringify(plan.data), plan.requiresCosign, plan.authorId, plan.now.toISOString()],
  );
  return row?.id ?? '';
}

/** Saves the draft's document; a plan that once needed a co-signature keeps needing one. */
export async function updatePlanData(tx: Sql, id: string, data: PlanData, requiresCosign: boolean, now: Date): Promise<void> {
  await tx.query('update treatment_plans set data = $2, updated_at = $3, requires_cosign = requires_cosign or $4 where id = $1', [
    id,
    JSON.stringify(data),
    now.toISOString(),
    requiresCosign,
  ]);
}

export async function markPlanApproved(tx: Sql, id: string, change: { status: PlanStatus; approverId: string; cosigns: boolean; now: Date }): Promise<void> {
  await tx.query(
    `update treatment_plans set status = $2, approved_by = $3, approved_at = $4, cosigned_by = case when $5 then $3 else cosigned_by end, cosigned_at = case when $5 then $4::timestamptz else cosigned_at end where id = $1`,
    [id, change.status, change.approverId, change.now.toISOString(), change.cosigns],
  );
}

export async function markPlanCosigned(tx: Sql, id: string, physicianId: string, now: Date): Promise<void> {
  await tx.query(`update treatment_plans set status = 'approved', cosigned_by = $2, cosigned_at = $3 where id = $1`, [id, physicianId, now.toISOString()]);
}

export async function insertSeries(tx: Sql, planId: string): Promise<string> {
  const [row] = await tx.query<{ id: string }>('insert into appointment_series (plan_id) values ($1) returning id', [planId]);
  return row?.id ?? '';
}

/**
 * The plan a new note starts from: its visit's booked series' plan, else the patient's latest
 * approved plan.
 */
export async function findPlanForSession(sql: Sql, sessionId: string, patientId: string): Promise<{ id: string; data: PlanData } | undefined> {
  const [row] = await sql.query<{ id: string; data: PlanData }>(
    `select id, data from (
       select 0 as rank, p.id, p.data from treatment_sessions s join appointments a on a.id = s.appointment_id
         join appointment_series se on se.id = a.series_id join treatment_plans p on p.id = se.plan_id
       where s.id = $1
       union all
       select * from (select 1 as rank, p.id, p.data from treatment_plans p where p.patient_id = $2 and p.status = 'approved' order by p.approved_at desc limit 1) latest
     ) candidates order by rank limit 1`,
    [sessionId, patientId],
  );
  return row;
}

/** The patient's most recent plan, whatever its status. */
export async function findLatestPlanId(sql: Sql, patientId: string): Promise<string | null> {
  const [latest] = await sql.query<{ id: string }>(`select id from treatment_plans where patient_id = $1 order by created_at desc, id desc limit 1`, [
    patientId,
  ]);
  return latest?.id ?? null;
}
