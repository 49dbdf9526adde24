import { can } from '@myomap/domain/access/permissions';
import type { DuplicateEntryOut, MergedOut, MergeField, MergePreviewOut } from '@myomap/contract/identity/identity.schemas';
import type { PatientOut } from '@myomap/contract/clinical/patients.schemas';
import type { AppContext } from '../app-context.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { patientView } from '../clinical/patient-view.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { listPossibleDuplicates, loadMergePreview } from './load-merge-preview.ts';
import { mergePatients, verifyPatient } from './merge-patients.ts';

/**
 * Staff check who a self-registered (online) record is: reception and admin verify or merge;
 * clinicians may look. Every read and change is audited in its transaction.
 */
export function listDuplicates(ctx: AppContext, actor: Actor): Promise<DuplicateEntryOut[]> {
  return ctx.db.transaction(async (tx) => {
    const items = await listPossibleDuplicates(tx);
    await writeAudit(tx, actor, { action: 'patients.duplicates.read', entityType: 'patient', after: { count: items.length } });
    return items;
  });
}

/** The side-by-side screen; the safety state only for roles that may read it. */
export async function previewMerge(ctx: AppContext, keptId: string, duplicateId: string, actor: Actor): Promise<MergePreviewOut> {
  const clinic = await loadClinic(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const preview = await loadMergePreview(tx, keptId, duplicateId, clinic.timeZone, can(actor.role, 'safety.read'));
    await writeAudit(tx, actor, { action: 'patients.merge_preview', entityType: 'patient', entityId: keptId, after: { duplicateId } });
    return preview;
  });
}

export async function mergeDuplicate(
  ctx: AppContext,
  keptId: string,
  duplicateId: string,
  keep: Partial<Record<MergeField, 'kept' | 'duplicate'>>,
  actor: Actor,
): Promise<MergedOut> {
  const result = await ctx.db.transaction((tx) => mergePatients(tx, keptId, duplicateId, keep, ctx.clock.now(), { ...actor, id: actor.id ?? '' }));
  return { mergeId: result.mergeId, patient: patientView(result.patient), moved: result.moved };
}

/** Staff confirm a self-registered record is a different person from its possible matches. */
export async function confirmIdentity(ctx: AppContext, patientId: string, actor: Actor): Promise<PatientOut> {
  return patientView(await ctx.db.transaction((tx) => verifyPatient(tx, patientId, actor)));
}
