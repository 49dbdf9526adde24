import { MERGE_FIELDS, type MergeField } from '@myomap/contract/identity/identity.schemas';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findPatient, type PatientRecord } from '../stores/patient-store.ts';

/** The demographic fields staff choose between, side by side (the list lives in the API contract). */
export { MERGE_FIELDS, type MergeField };
export type MergeChoice = Partial<Record<MergeField, 'kept' | 'duplicate'>>;

const COLUMN_OF: Record<MergeField, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  preferredLanguage: 'preferred_language',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactPhone: 'emergency_contact_phone',
};

/** Every column that references a patient, found in the catalog so tables added later move too. */
async function patientReferences(tx: Sql): Promise<{ table: string; column: string }[]> {
  return tx.query<{ table: string; column: string }>(
    `select c.conrelid::regclass::text as "table", format('%I', a.attname) as "column"
     from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and c.confrelid = 'patients'::regclass and cardinality(c.conkey) = 1
       and c.conrelid not in ('patients'::regclass, 'patient_merges'::regclass)
     order by 1, 2`,
  );
}

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
  const reviewIds = (await tx.query<{ id: string }>('select id from physician_reviews where patient_id = $1', [duplicate.id])).map((r) => r.id);

  // The append-only triggers let exactly this move through: patient_id only, this duplicate only.
  await tx.query(`select set_config('myomap.merging_patient_id', $1, true)`, [duplicate.id]);
  const moved: Record<string, number> = {};
  for (const ref of await patientReferences(tx)) {
    const rows = await tx.query(`update ${ref.table} set ${ref.column} = $1 where ${ref.column} = $2 returning 1`, [kept.id, duplicate.id]);
    if (rows.length > 0) moved[ref.table] = (moved[ref.table] ?? 0) + rows.length;
  }
  await tx.query(`select set_config('myomap.merging_patient_id', '', true)`);

  // Records merged into the duplicate earlier now point at the kept patient, so a chain never forms.
  await tx.query('update patients set merged_into_id = $1 where merged_into_id = $2', [kept.id, duplicate.id]);
  await tx.query(`update patients set ${MERGE_FIELDS.map((f, i) => `${COLUMN_OF[f]} = $${i + 2}`).join(', ')}, identity_status = 'verified' where id = $1`, [
    kept.id,
    ...MERGE_FIELDS.map((f) => (f === 'email' ? String(values[f]).toLowerCase() : values[f])),
  ]);
  await tx.query(`update patients set identity_status = 'merged', merged_into_id = $1, merged_at = $3 where id = $2`, [
    kept.id,
    duplicate.id,
    now.toISOString(),
  ]);
  const [merge] = await tx.query<{ id: string }>(
    `insert into patient_merges (kept_patient_id, merged_patient_id, merged_by, merged_at, kept_values, moved_rows, moved_review_ids)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [kept.id, duplicate.id, actor.id, now.toISOString(), JSON.stringify({ choice, values }), JSON.stringify(moved), reviewIds],
  );
  const after = await findPatient(tx, kept.id);
  const mergedAfter = await findPatient(tx, duplicate.id);
  if (!merge || !after) throw new Error('merge wrote nothing');
  await writeAudit(tx, actor, {
    action: 'patients.merge',
    entityType: 'patient',
    entityId: kept.id,
    before: { kept, duplicate },
    after: { kept: after, duplicate: mergedAfter, mergeId: merge.id, choice, moved, movedReviewIds: reviewIds },
  });
  return { mergeId: merge.id, patient: after, moved };
}

/** Marks a self-registered record as a new, checked patient: staff found no existing record for them. */
export async function verifyPatient(tx: Sql, patientId: string, actor: Actor): Promise<PatientRecord> {
  const before = await findPatient(tx, patientId, true);
  if (!before) throw new AppError('not_found', 'No such patient.');
  if (before.identityStatus === 'merged') throw new AppError('patient_merged', 'This record was merged into another.', { mergedIntoId: before.mergedIntoId });
  await tx.query(`update patients set identity_status = 'verified' where id = $1`, [patientId]);
  const after = await findPatient(tx, patientId);
  await writeAudit(tx, actor, { action: 'patients.verify', entityType: 'patient', entityId: patientId, before, after });
  if (!after) throw new Error('patient vanished');
  return after;
}
