import { MERGE_FIELDS, type MergeField } from '@myomap/contract/identity/identity.schemas';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { insertPatientMerge, listReviewIds, markPatientVerified, moveRowsToPatient, recordMergedPatients } from '../stores/patient-merge-store.ts';
import { findPatient, type PatientRecord } from '../stores/patient-store.ts';

/** The demographic fields staff choose between, side by side (the list lives in the API contract). */
export { MERGE_FIELDS, type MergeField };
export type MergeChoice = Partial<Record<MergeField, 'kept' | 'duplicate'>>;

export interface MergeResult {
  mergeId: string;
  patient: PatientRecord;
  moved: Record<string, number>;
}

/**
 * Merges a duplicate record into the kept one, in one transaction: staff choose, field by field,
 * whose demographics to keep; every row that belongs to the duplicate (appointments, intakes,
 * consents, screenings, reviews, clinical records) moves to the kept patient; the duplicate stays,
 * marked merged and pointing at the kept record. Physician decisions are not rewritten: the moved
 * review ids are recorded so the treatment gate keeps each record's decision standing (a referral
 * on either record still blocks) until a physician reviews the merged record.
 */
export async function mergePatients(
  tx: Sql,
  keptId: string,
  duplicateId: string,
  choice: MergeChoice,
  now: Date,
  actor: Actor & { id: string },
): Promise<MergeResult> {
  // A uuid may arrive in any letter case ("A1B2…" and "a1b2…" are one patient): compare canonically.
  keptId = keptId.toLowerCase();
  duplicateId = duplicateId.toLowerCase();
  if (keptId === duplicateId) throw new AppError('validation_failed', 'A patient cannot be merged into itself.');
  // Lock both in id order, so two merges of the same pair queue instead of deadlocking.
  const [firstId, secondId] = keptId < duplicateId ? [keptId, duplicateId] : [duplicateId, keptId];
  const first = await findPatient(tx, firstId, true);
  const second = await findPatient(tx, secondId, true);
  const kept = first?.id === keptId ? first : second?.id === keptId ? second : undefined;
  const duplicate = first?.id === duplicateId ? first : second?.id === duplicateId ? second : undefined;
  if (!kept || !duplicate) throw new AppError('not_found', 'No such patient.');
  if (kept.identityStatus === 'merged' || duplicate.identityStatus === 'merged') {
    throw new AppError('patient_merged', 'One of these records was already merged.', { mergedIntoId: kept.mergedIntoId ?? duplicate.mergedIntoId });
  }

  const values = Object.fromEntries(MERGE_FIELDS.map((field) => [field, (choice[field] === 'duplicate' ? duplicate : kept)[field]])) as Record<
    MergeField,
    unknown
  >;
  const reviewIds = await listReviewIds(tx, duplicate.id);
  const moved = await moveRowsToPatient(tx, kept.id, duplicate.id);
  const written = { ...values, email: String(values.email).toLowerCase() };
  await recordMergedPatients(tx, kept.id, duplicate.id, written, MERGE_FIELDS, now);
  const mergeId = await insertPatientMerge(tx, {
    keptId: kept.id,
    duplicateId: duplicate.id,
    mergedBy: actor.id,
    at: now,
    keptValues: { choice, values },
    moved,
    movedReviewIds: reviewIds,
  });
  const after = await findPatient(tx, kept.id);
  const mergedAfter = await findPatient(tx, duplicate.id);
  if (!mergeId || !after) throw new Error('merge wrote nothing');
  await writeAudit(tx, actor, {
    action: 'patients.merge',
    entityType: 'patient',
    entityId: kept.id,
    before: { kept, duplicate },
    after: { kept: after, duplicate: mergedAfter, mergeId, choice, moved, movedReviewIds: reviewIds },
  });
  return { mergeId, patient: after, moved };
}

/** Marks a self-registered record as a new, checked patient: staff found no existing record for them. */
export async function verifyPatient(tx: Sql, patientId: string, actor: Actor): Promise<PatientRecord> {
  const before = await findPatient(tx, patientId, true);
  if (!before) throw new AppError('not_found', 'No such patient.');
  if (before.identityStatus === 'merged') throw new AppError('patient_merged', 'This record was merged into another.', { mergedIntoId: before.mergedIntoId });
  await markPatientVerified(tx, patientId);
  const after = await findPatient(tx, patientId);
  await writeAudit(tx, actor, { action: 'patients.verify', entityType: 'patient', entityId: patientId, before, after });
  if (!after) throw new Error('patient vanished');
  return after;
}
