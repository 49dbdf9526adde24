import { emptyAssessmentData, type AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { findUnknownAssessmentIds } from '@myomap/domain/clinical/find-unknown-assessment-ids';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import type { AssessmentOut } from '@myomap/contract/clinical/assessments.schemas';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findAssessment, insertAssessment, listAssessmentPhotos, saveAssessmentData } from '../stores/assessment-store.ts';

const known = { zoneIds: new Set(knowledgeBase.bodyZones.map((z) => z.id)), muscleIds: new Set(knowledgeBase.muscles.map((m) => m.id)) };

/** Starts an empty assessment for the patient, optionally tied to a visit. */
export async function startAssessment(ctx: AppContext, patientId: string, appointmentId: string | undefined, actor: Actor): Promise<{ id: string }> {
  return ctx.db
    .transaction(async (tx) => {
      const created = await insertAssessment(tx, {
        patientId,
        appointmentId: appointmentId ?? null,
        authorId: actor.id ?? '',
        data: emptyAssessmentData(),
        now: ctx.clock.now(),
      });
      await writeAudit(tx, actor, { action: 'assessments.create', entityType: 'assessment', entityId: created.id, after: { patientId } });
      return created;
    })
    .catch((error: unknown) => {
      if (pgErrorCode(error) === PG_ERROR.foreignKeyViolation) throw new AppError('not_found', 'No such patient or appointment.');
      throw error;
    });
}

/** The assessment with its photos, as the contract sends it. */
export async function assessmentView(sql: Sql, id: string): Promise<AssessmentOut> {
  const row = await findAssessment(sql, id);
  if (!row) throw new AppError('not_found', 'No such assessment.');
  const photos = await listAssessmentPhotos(sql, id);
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    photos: photos.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
  };
}

/** Reading a clinical record is audited. */
export async function readAssessment(ctx: AppContext, id: string, actor: Actor): Promise<AssessmentOut> {
  const view = await assessmentView(ctx.db, id);
  await ctx.db.transaction((tx) =>
    writeAudit(tx, actor, { action: 'assessments.read', entityType: 'assessment', entityId: id, after: { patientId: view.patientId } }),
  );
  return view;
}

/** Saves the whole document (the schema checked its shape; the vocabulary checks its ids). */
export async function saveAssessment(ctx: AppContext, id: string, data: AssessmentData, actor: Actor): Promise<AssessmentOut> {
  const unknown = findUnknownAssessmentIds(data, known);
  if (unknown.zones.length > 0) throw new AppError('unknown_zone', `Unknown body zone: ${unknown.zones.join(', ')}`, { zones: unknown.zones });
  if (unknown.muscles.length > 0) throw new AppError('validation_failed', `Unknown muscle: ${unknown.muscles.join(', ')}`, { muscleIds: unknown.muscles });
  await ctx.db.transaction(async (tx) => {
    const before = await findAssessment(tx, id, true);
    if (!before) throw new AppError('not_found', 'No such assessment.');
    await saveAssessmentData(tx, id, data, ctx.clock.now());
    await writeAudit(tx, actor, { action: 'assessments.update', entityType: 'assessment', entityId: id, before: before.data, after: data });
  });
  return assessmentView(ctx.db, id);
}
