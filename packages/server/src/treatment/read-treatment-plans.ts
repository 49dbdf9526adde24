import type { PlanOut, PlanSummaryOut } from '@myomap/contract/treatment/plans.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findPlanDetail, listPatientPlans, listSeriesAppointments } from '../stores/plan-store.ts';
import { listOverrides } from '../stores/precaution-override-store.ts';

/** A plan as every plan route answers it: the document, who wrote and approved it, overrides, booked visits. */
export async function describePlan(sql: Sql, id: string): Promise<PlanOut> {
  const plan = await findPlanDetail(sql, id);
  if (!plan) throw new AppError('not_found', 'No such plan.');
  const clinic = await loadClinic(sql);
  const appointments = plan.seriesId ? await listSeriesAppointments(sql, plan.seriesId) : [];
  return {
    id: plan.id,
    patientId: plan.patientId,
    patientName: plan.patientName,
    authorId: plan.authorId,
    authorName: plan.authorName,
    assessmentId: plan.assessmentId,
    status: plan.status,
    data: plan.data,
    requiresCosign: plan.requiresCosign,
    approvedBy: plan.approvedBy,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    cosignedBy: plan.cosignedBy,
    cosignedAt: plan.cosignedAt?.toISOString() ?? null,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    seriesId: plan.seriesId,
    // Overrides of the patient's precautions, with who and why: the co-signing physician reads them here.
    overrides: await listOverrides(sql, { planId: id }),
    appointments: appointments.map((a) => ({ id: a.id, reference: a.reference, start: toZonedIso(a.startsAt, clinic.timeZone), status: a.status })),
  };
}

/** Reading a plan is a read of a clinical record: audited. */
export async function readPlan(ctx: AppContext, id: string, actor: Actor): Promise<PlanOut> {
  const view = await describePlan(ctx.db, id);
  await ctx.db.transaction((tx) => writeAudit(tx, actor, { action: 'plan.read', entityType: 'treatment_plan', entityId: id }));
  return view;
}

export async function readPatientPlans(ctx: AppContext, patientId: string, actor: Actor): Promise<PlanSummaryOut[]> {
  const rows = await listPatientPlans(ctx.db, patientId);
  await ctx.db.transaction((tx) => writeAudit(tx, actor, { action: 'plan.list', entityType: 'patient', entityId: patientId }));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    requiresCosign: r.requiresCosign,
    assessmentId: r.assessmentId,
  }));
}
