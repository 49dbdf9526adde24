import { Value } from '@sinclair/typebox/value';
import { emptyAssessmentData, PainMapEntry, type AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { findUnknownAssessmentIds } from '@myomap/domain/clinical/find-unknown-assessment-ids';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import type { AssessmentOut } from '@myomap/contract/clinical/assessments.schemas';
import type { AppContext } from '../app-context.ts';
import { pgErrorCode, PG_ERROR, type Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findAssessment, insertAssessment, listAssessmentPhotos, saveAssessmentData } from '../stores/assessment-store.ts';
import { findLatestIntakePainMap, findPainMapSource, hasAssessment, markPainMapFromIntake } from '../stores/patient-record-store.ts';

const known = { zoneIds: new Set(knowledgeBase.bodyZones.map((z) => z.id)), muscleIds: new Set(knowledgeBase.muscles.map((m) => m.id)) };

/** The intake's pain map as chart marks: only known zones and well-formed marks; the rest is left for the therapist to ask. */
function painMapFromIntake(value: unknown): PainMapEntry[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];
  const marks = parsed.filter((m): m is PainMapEntry => Value.Check(PainMapEntry, m) && known.zoneIds.has(m.zone));
  return [...new Map(marks.map((m) => [`${m.zone}|${m.side ?? ''}`, m])).values()];
}

/**
 * Starts an assessment for the patient, optionally tied to a visit. The patient's first one starts
 * its body chart from the intake's pain map, marked as such: the patient's marks are a starting
 * point the therapist confirms, not a finding.
 */
export async function startAssessment(ctx: AppContext, patientId: string, appointmentId: string | undefined, actor: Actor): Promise<{ id: string }> {
  return ctx.db
    .transaction(async (tx) => {
      const first = !(await hasAssessment(tx, patientId));
      const fromIntake = first ? await findLatestIntakePainMap(tx, patientId) : undefined;
      const painMap = fromIntake ? painMapFromIntake(fromIntake.value) : [];
      const data: AssessmentData = { ...emptyAssessmentData(), painMap };
      const now = ctx.clock.now();
      const created = await insertAssessment(tx, { patientId, appointmentId: appointmentId ?? null, authorId: actor.id ?? '', data, now });
      if (fromIntake && painMap.length > 0) {
        // Writes the queryable pain-zone rows for the seeded marks, as any save does.
        await saveAssessmentData(tx, created.id, data, now);
        await markPainMapFromIntake(tx, created.id, fromIntake.intakeId);
      }
      await writeAudit(tx, actor, {
        action: 'assessments.create',
        entityType: 'assessment',
        entityId: created.id,
        after: { patientId, ...(painMap.length > 0 && fromIntake ? { painMapFromIntakeId: fromIntake.intakeId, painZones: painMap.length } : {}) },
      });
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
  const source = await findPainMapSource(sql, id);
  return {
    ...row,
    painMapFromIntake: source ? { intakeId: source.intakeId, at: source.at.toISOString() } : null,
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
