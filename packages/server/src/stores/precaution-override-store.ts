import type { PrecautionItem } from '@myomap/domain/treatment/precaution-schemas';
import type { Sql } from '../database/database.ts';

/** Overrides of a patient's precautions, per plan or per note. Append-only in the database. */
export interface StoredOverride {
  id: string;
  ruleId: string;
  item: PrecautionItem;
  itemKey: string;
  reason: string;
  by: string;
  role: string;
  at: string;
}

export type OverrideOwner = { planId: string } | { noteId: string };

const column = (owner: OverrideOwner) => ('planId' in owner ? 'plan_id' : 'note_id');
const ownerId = (owner: OverrideOwner) => ('planId' in owner ? owner.planId : owner.noteId);

export async function listOverrides(sql: Sql, owner: OverrideOwner): Promise<StoredOverride[]> {
  const rows = await sql.query<{
    id: string;
    rule_id: string;
    item: PrecautionItem;
    item_key: string;
    reason: string;
    name: string;
    role: string;
    created_at: Date;
  }>(
    `select o.id, o.rule_id, o.item, o.item_key, o.reason, u.name, u.role, o.created_at
     from precaution_overrides o join staff_users u on u.id = o.staff_id
     where o.${column(owner)} = $1 order by o.created_at, o.id`,
    [ownerId(owner)],
  );
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.rule_id,
    item: r.item,
    itemKey: r.item_key,
    reason: r.reason,
    by: r.name,
    role: r.role,
    at: r.created_at.toISOString(),
  }));
}

/** Inserts the overrides not already recorded for this plan or note (the first reason stands). */
export async function insertOverrides(
  tx: Sql,
  owner: OverrideOwner,
  patientId: string,
  staffId: string,
  overrides: readonly { ruleId: string; item: PrecautionItem; itemKey: string; reason: string }[],
  now: Date,
): Promise<void> {
  for (const o of overrides) {
    await tx.query(
      `insert into precaution_overrides (patient_id, ${column(owner)}, rule_id, item, item_key, reason, staff_id, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing`,
      [patientId, ownerId(owner), o.ruleId, JSON.stringify(o.item), o.itemKey, o.reason.trim(), staffId, now.toISOString()],
    );
  }
}
