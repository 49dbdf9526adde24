import type { MergeField } from '@myomap/contract/identity/identity.schemas';
import type { Sql } from '../database/database.ts';
import { PATIENT_FIELD_COLUMNS } from './patient-store.ts';

// The merge's fields are the record's own fields, by the same columns.
const COLUMN_OF: Record<MergeField, string> = PATIENT_FIELD_COLUMNS;

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

export async function listReviewIds(tx: Sql, patientId: string): Promise<string[]> {
  return (await tx.query<{ id: string }>('select id from physician_reviews where patient_id = $1', [patientId])).map((r) => r.id);
}

/**
 * Moves every row that references the duplicate to the kept patient; returns how many per table.
 * The append-only triggers let exactly this move through (patient_id only, this duplicate only)
 * while the transaction setting `myomap.merging_patient_id` names it, so it is set for the move alone.
 */
export async function moveRowsToPatient(tx: Sql, keptId: string, duplicateId: string): Promise<Record<string, number>> {
  await tx.query(`select set_config('myomap.merging_patient_id', $1, true)`, [duplicateId]);
  const moved: Record<string, number> = {};
  for (const ref of await patientReferences(tx)) {
    const rows = await tx.query(`update ${ref.table} set ${ref.column} = $1 where ${ref.column} = $2 returning 1`, [keptId, duplicateId]);
    if (rows.length > 0) moved[ref.table] = (moved[ref.table] ?? 0) + rows.length;
  }
  await tx.query(`select set_config('myomap.merging_patient_id', '', true)`);
  return moved;
}

/**
 * Writes the chosen demographics onto the kept record (verified now), marks the duplicate merged
 * into it, and re-points records merged into the duplicate earlier, so a chain never forms.
 */
export async function recordMergedPatients(
  tx: Sql,
  keptId: string,
  duplicateId: string,
  values: Readonly<Record<MergeField, unknown>>,
  fields: readonly MergeField[],
  at: Date,
): Promise<void> {
  await tx.query('update patients set merged_into_id = $1 where merged_into_id = $2', [keptId, duplicateId]);
  await tx.query(`update patients set ${fields.map((f, i) => `${COLUMN_OF[f]} = $${i + 2}`).join(', ')}, identity_status = 'verified' where id = $1`, [
    keptId,
    ...fields.map((f) => values[f]),
  ]);
  await tx.query(`update patients set identity_status = 'merged', merged_into_id = $1, merged_at = $3 where id = $2`, [keptId, duplicateId, at.toISOString()]);
}

export async function insertPatientMerge(
  tx: Sql,
  m: { keptId: string; duplicateId: string; mergedBy: string; at: Date; keptValues: unknown; moved: Record<string, number>; movedReviewIds: string[] },
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `insert into patient_merges (kept_patient_id, merged_patient_id, merged_by, merged_at, kept_values, moved_rows, moved_review_ids)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [m.keptId, m.duplicateId, m.mergedBy, m.at.toISOString(), JSON.stringify(m.keptValues), JSON.stringify(m.moved), m.movedReviewIds],
  );
  return row?.id;
}

/** A self-registered record checked by staff: a patient in their own right. */
export async function markPatientVerified(tx: Sql, patientId: string): Promise<void> {
  await tx.query(`update patients set identity_status = 'verified' where id = $1`, [patientId]);
}
