import { applyPrecautions, precautionItemKey, techniqueRowsAsDraft } from '@myomap/domain/treatment/apply-precautions';
import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import type { Sql } from '../database/database.ts';
import type { Actor } from '../lib/audit.ts';
import { findPlanForSession } from '../stores/plan-store.ts';
import { insertOverrides, listOverrides } from '../stores/precaution-override-store.ts';
import { loadPatientFlags } from './precaution-guard.ts';

const EMPTY_NOTE: NoteData = {
  // Not measured until the clinician asks: never 0, which is a real score.
  subjective: { report: '', pain: null, sorenessSinceLast: null },
  objective: { findings: '', painMap: [], triggerPointsTreated: [] },
  assessment: '',
  plan: '',
  techniques: [],
  response: '',
  adverseEvent: null,
};

/**
 * A new note's first draft: the technique rows of the plan this visit belongs to (its booked
 * series' plan, else the patient's latest approved plan), each not yet done, filtered by the
 * patient's current precautions. Rows the plan kept by override stay, and their overrides are
 * carried onto the note so the same reasons stand.
 */
export async function startNoteFromPlan(tx: Sql, sessionId: string, patientId: string) {
  const row = await findPlanForSession(tx, sessionId, patientId);
  if (!row) return { data: EMPTY_NOTE, planId: null, carryOverrides: async () => undefined };
  const planOverrides = await listOverrides(tx, { planId: row.id });
  const rows = row.data.targets.flatMap((target) =>
    target.techniques.map((dose) => ({
      muscleId: target.muscleId,
      ...(target.side ? { side: target.side } : {}),
      techniqueId: dose.techniqueId,
      parameters: dose.parameters,
      done: false,
    })),
  );
  const flags = await loadPatientFlags(tx, patientId);
  const kept = new Set(planOverrides.map((o) => o.itemKey));
  const outcome = applyPrecautions(techniqueRowsAsDraft(rows), flags);
  // Rows whose every conflict the plan overrode are kept as written; the rest as the precautions leave them.
  const blocked = (index: number) => {
    const one = applyPrecautions(techniqueRowsAsDraft([rows[index]!]), flags);
    return one.actions.some((a) => a.action !== 'added' && !kept.has(precautionItemKey(a.ruleId, a.item)));
  };
  const safeRows =
    outcome.targets.length === rows.length && outcome.actions.length === 0
      ? rows
      : rows.flatMap((r, index) => {
          if (!blocked(index)) return [r];
          const fixed = applyPrecautions(techniqueRowsAsDraft([r]), flags).targets[0];
          const dose = fixed?.techniques[0];
          return fixed && dose ? [{ ...r, ...(fixed.side ? { side: fixed.side } : {}), parameters: dose.parameters }] : [];
        });
  return {
    data: { ...EMPTY_NOTE, techniques: safeRows.slice(0, 80) },
    planId: row.id,
    carryOverrides: async (sql: Sql, noteId: string, actor: Actor, now: Date) => {
      if (!actor.id || planOverrides.length === 0) return;
      await insertOverrides(
        sql,
        { noteId },
        patientId,
        actor.id,
        planOverrides.map((o) => ({ ...o, reason: `${o.reason} (plan, ${o.by})`.slice(0, 1000) })),
        now,
      );
    },
  };
}
