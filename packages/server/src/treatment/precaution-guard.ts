import {
  findPrecautionConflicts,
  flagsFromScreening,
  precautionItemKey,
  type PatientFlag,
  type PrecautionDraft,
} from '@myomap/domain/treatment/apply-precautions';
import type { PrecautionOverride } from '@myomap/domain/treatment/precaution-schemas';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import type { Actor } from '../lib/audit.ts';
import { insertOverrides, listOverrides, type OverrideOwner } from '../stores/precaution-override-store.ts';
import { findLatestScreeningRecord } from '../stores/screening-store.ts';

/** The patient's precautions, from their latest screening (positive or not ruled out). */
export async function loadPatientFlags(sql: Sql, patientId: string): Promise<PatientFlag[]> {
  const screening = await findLatestScreeningRecord(sql, patientId);
  return flagsFromScreening(screening?.result as Parameters<typeof flagsFromScreening>[0]);
}

/**
 * The server's half of "plans and notes obey precautions": a plan or note row that contradicts a
 * precaution is saved only with an override that gives a reason (new in `overrides`, or recorded
 * on an earlier save). Otherwise 409 precaution_conflict, listing each conflict, and nothing changes.
 */
export async function guardPrecautions(
  tx: Sql,
  input: { owner: OverrideOwner; patientId: string; draft: PrecautionDraft; overrides: readonly PrecautionOverride[]; actor: Actor; now: Date },
): Promise<void> {
  const flags = await loadPatientFlags(tx, input.patientId);
  if (flags.length === 0) return;
  const recorded = await listOverrides(tx, input.owner);
  const conflicts = findPrecautionConflicts(input.draft, flags, [...recorded, ...input.overrides]);
  if (conflicts.length > 0) {
    throw new AppError('precaution_conflict', 'Some rows contradict the patient’s precautions. Remove them, or override each with a reason.', {
      conflicts: conflicts.map((c) => ({ ruleId: c.ruleId, item: c.item, action: c.action, reason: c.reason })),
    });
  }
  // Keep only overrides that answer a conflict in this draft: a reason for nothing is not recorded.
  const needed = new Set(findPrecautionConflicts(input.draft, flags).map((c) => precautionItemKey(c.ruleId, c.item)));
  const fresh = input.overrides.map((o) => ({ ...o, itemKey: precautionItemKey(o.ruleId, o.item) })).filter((o) => needed.has(o.itemKey));
  if (input.actor.id) await insertOverrides(tx, input.owner, input.patientId, input.actor.id, fresh, input.now);
}
