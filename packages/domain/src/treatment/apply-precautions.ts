import type { Localized } from '../knowledge/knowledge-schemas.ts';
import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { VOCABULARY_ZONES } from '../knowledge/vocabulary.ts';
import { loadScreeningRules, type ScreeningRules } from '../screening/load-screening-rules.ts';
import type { ContraindicationFinding } from '../screening/screening-result.ts';
import type { Side, ZoneRef } from '../screening/screening-schemas.ts';
import { loadPrecautionEffects } from './load-precaution-effects.ts';
import type {
  EffectScope,
  PrecautionAction,
  PrecautionEffect,
  PrecautionEffectsFile,
  PrecautionItem,
  PrecautionOverride,
  ZoneSelection,
} from './precaution-schemas.ts';
import type { PlanData, PlanTarget } from './treatment-schemas.ts';

/**
 * Makes the screen's precautions act on the work. Pure: the patient's flags, the effects data and
 * the knowledge base come in; a filtered draft and the list of what changed, and why, come out.
 *
 * A muscle is "in" a zone when one of its trigger points is palpated over that zone (the
 * knowledge base's `triggerPoints[].zone`): that is where the hands work. An unsided target
 * stands for both sides; when a precaution rules out one side, the target keeps the other.
 */
export interface PatientFlag {
  ruleId: string;
  /** The zones the screen resolved for this patient (sides from their answers). */
  zones: readonly ZoneRef[];
  /** The rule's own precaution text: why something was removed or capped. */
  reason: Localized;
}

export interface PrecautionDraft {
  targets: readonly PlanTarget[];
  homeProgram: readonly PlanData['homeProgram'][number][];
}

export interface PositionToAvoid {
  position: string;
  ruleId: string;
  label: Localized;
}

export interface PrecautionOutcome {
  targets: PlanTarget[];
  homeProgram: PlanData['homeProgram'][number][];
  actions: PrecautionAction[];
  positionsToAvoid: PositionToAvoid[];
  requiresPhysicianClearance: boolean;
}

export const PRESSURE_PARAMETER = 'pressure';
const SIDES: readonly Side[] = ['left', 'right'];
const MIDLINE: ReadonlySet<string> = new Set(VOCABULARY_ZONES.filter((z) => z.midline).map((z) => z.id));

/**
 * The patient's flags from a stored screening result: every contraindication found, positive or
 * not ruled out (an unanswered safety question counts as yes, as the screen itself does).
 */
export function flagsFromScreening(
  result: { contraindications?: readonly Pick<ContraindicationFinding, 'id' | 'zones'>[] } | null | undefined,
  rules: ScreeningRules = loadScreeningRules(),
): PatientFlag[] {
  const byId = new Map(rules.contraindications.rules.map((r) => [r.id, r]));
  return (result?.contraindications ?? []).flatMap((finding) => {
    const rule = byId.get(finding.id);
    return rule ? [{ ruleId: finding.id, zones: finding.zones ?? [], reason: rule.precaution }] : [];
  });
}

/** Both sides of a sided zone, none of a midline one. */
function expandZones(zones: readonly string[]): ZoneRef[] {
  return zones.flatMap((zone) => (MIDLINE.has(zone) ? [{ zone } as ZoneRef] : SIDES.map((side) => ({ zone, side }) as ZoneRef)));
}

function selectionZones(selection: ZoneSelection, flag: PatientFlag): readonly ZoneRef[] {
  return selection === 'rule_zones' ? flag.zones : expandZones(selection);
}

function scopeZones(scope: EffectScope | undefined, flag: PatientFlag): readonly ZoneRef[] | 'everywhere' {
  if (scope === undefined || scope === 'everywhere') return 'everywhere';
  return scope === 'rule_zones' ? flag.zones : expandZones(scope.zones);
}

function touches(muscleZones: readonly string[], side: Side, refs: readonly ZoneRef[]): boolean {
  return refs.some((ref) => muscleZones.includes(ref.zone) && (ref.side === undefined || ref.side === side));
}

const sidesOf = (side: Side | undefined): readonly Side[] => (side ? [side] : SIDES);
const withSide = <T extends object>(value: T, side: Side | undefined): T & { side?: Side } => (side ? { ...value, side } : value);

/** Whether any of the patient's precautions asks for a physician's co-signature on the plan. */
export function needsPhysicianClearance(flags: readonly PatientFlag[], effects: PrecautionEffectsFile = loadPrecautionEffects()): boolean {
  return effects.effects.some((e) => e.requiresPhysicianClearance && flags.some((f) => f.ruleId === e.ruleId));
}

/** Identifies an item across saves, whatever its values (a pressure item matches whatever the pressure). */
export function precautionItemKey(ruleId: string, item: PrecautionItem): string {
  switch (item.kind) {
    case 'target':
      return `${ruleId}|target|${item.muscleId}|${item.side ?? ''}`;
    case 'technique':
      return `${ruleId}|technique|${item.muscleId}|${item.side ?? ''}|${item.techniqueId}`;
    case 'pressure':
      return `${ruleId}|pressure|${item.muscleId}|${item.side ?? ''}|${item.techniqueId}`;
    case 'self_care':
      return `${ruleId}|self_care|${item.selfCareId}`;
  }
}

interface Active {
  flag: PatientFlag;
  effect: PrecautionEffect;
}

export function applyPrecautions(
  draft: PrecautionDraft,
  flags: readonly PatientFlag[],
  effects: PrecautionEffectsFile = loadPrecautionEffects(),
  kb: KnowledgeBase = bundledKnowledgeBase,
): PrecautionOutcome {
  const byRule = new Map(effects.effects.map((e) => [e.ruleId, e]));
  const active: Active[] = flags.flatMap((flag) => {
    const effect = byRule.get(flag.ruleId);
    return effect ? [{ flag, effect }] : [];
  });
  const muscles = new Map(kb.muscles.map((m) => [m.id, m]));
  const techniqueDefaults = new Map(kb.techniques.map((t) => [t.id, Object.fromEntries(t.parameters.map((p) => [p.id, p.default]))]));
  const actions: PrecautionAction[] = [];
  const act = (item: PrecautionItem, action: PrecautionAction['action'], { flag, effect }: Active) =>
    actions.push({ item, action, ruleId: flag.ruleId, reason: flag.reason, sources: effect.sources.slice(0, 6) });

  const targets: PlanTarget[] = [];
  for (const target of draft.targets) {
    const muscle = muscles.get(target.muscleId);
    const zones = [...new Set(muscle?.triggerPoints.map((tp) => tp.zone) ?? [])];
    let kept = [...sidesOf(target.side)];
    for (const entry of active) {
      const { effect, flag } = entry;
      const all = effect.excludeMuscles?.includes(target.muscleId) ?? false;
      const refs = effect.excludeZones ? selectionZones(effect.excludeZones, flag) : [];
      const removed = kept.filter((side) => all || touches(zones, side, refs));
      if (removed.length === 0) continue;
      kept = kept.filter((side) => !removed.includes(side));
      // Both sides of an unsided target gone: one action for the target as written.
      if (kept.length === 0 && !target.side && removed.length === 2) act({ kind: 'target', muscleId: target.muscleId }, 'removed', entry);
      else for (const side of removed) act({ kind: 'target', muscleId: target.muscleId, side }, 'removed', entry);
    }
    if (kept.length === 0) continue;
    const side = kept.length === 1 ? kept[0] : undefined;
    const inScope = (entry: Active) => {
      const refs = scopeZones(entry.effect.scope, entry.flag);
      return refs === 'everywhere' || kept.some((s) => touches(zones, s, refs));
    };
    let techniques = target.techniques.map((dose) => ({ ...dose, parameters: { ...dose.parameters } }));
    for (const entry of active.filter(inScope)) {
      const excluded = entry.effect.excludeTechniques ?? [];
      for (const dose of techniques.filter((d) => excluded.includes(d.techniqueId))) {
        act(withSide({ kind: 'technique', muscleId: target.muscleId, techniqueId: dose.techniqueId }, side), 'removed', entry);
      }
      techniques = techniques.filter((d) => !excluded.includes(d.techniqueId));
      for (const required of entry.effect.requireTechniques ?? []) {
        if (!muscle?.techniques.includes(required) || techniques.some((d) => d.techniqueId === required)) continue;
        techniques.push({ techniqueId: required, parameters: { ...(techniqueDefaults.get(required) ?? {}) } });
        act(withSide({ kind: 'technique', muscleId: target.muscleId, techniqueId: required }, side), 'added', entry);
      }
    }
    // Each cap is checked against the pressure as written, so every rule it breaks is named
    // (an override of one rule does not hide another); the result is the lowest cap.
    for (const dose of techniques) {
      const written = dose.parameters[PRESSURE_PARAMETER];
      if (written === undefined) continue;
      for (const entry of active.filter(inScope)) {
        const cap = entry.effect.maxPressure;
        if (cap === undefined || written <= cap) continue;
        act(withSide({ kind: 'pressure', muscleId: target.muscleId, techniqueId: dose.techniqueId, from: written, to: cap }, side), 'capped', entry);
        dose.parameters[PRESSURE_PARAMETER] = Math.min(dose.parameters[PRESSURE_PARAMETER] ?? cap, cap);
      }
    }
    targets.push({ ...withSide({ muscleId: target.muscleId, reason: target.reason, techniques }, side) });
  }

  const homeProgram = draft.homeProgram.filter((item) => {
    const blocking = active.filter((entry) => entry.effect.excludeSelfCare?.includes(item.selfCareId));
    blocking.forEach((entry) => act({ kind: 'self_care', selfCareId: item.selfCareId }, 'removed', entry));
    return blocking.length === 0;
  });

  const positionsToAvoid: PositionToAvoid[] = active.flatMap(({ flag, effect }) =>
    (effect.avoidPositions ?? []).flatMap((position) => {
      const label = effects.positions[position];
      return label ? [{ position, ruleId: flag.ruleId, label }] : [];
    }),
  );
  return { targets, homeProgram, actions, positionsToAvoid, requiresPhysicianClearance: active.some((a) => a.effect.requiresPhysicianClearance) };
}

/**
 * What in a draft contradicts the patient's precautions and is not covered by an override with a
 * reason: the server refuses to save these (error `precaution_conflict`).
 */
export function findPrecautionConflicts(
  draft: PrecautionDraft,
  flags: readonly PatientFlag[],
  overrides: readonly Pick<PrecautionOverride, 'ruleId' | 'item'>[] = [],
  effects: PrecautionEffectsFile = loadPrecautionEffects(),
  kb: KnowledgeBase = bundledKnowledgeBase,
): PrecautionAction[] {
  const overridden = new Set(overrides.map((o) => precautionItemKey(o.ruleId, o.item)));
  return applyPrecautions(draft, flags, effects, kb).actions.filter((a) => a.action !== 'added' && !overridden.has(precautionItemKey(a.ruleId, a.item)));
}

/** A note's technique rows as one-technique targets, so they obey the same rules as a plan. */
export function techniqueRowsAsDraft(
  rows: readonly { muscleId: string; side?: Side; techniqueId: string; parameters: Record<string, number> }[],
): PrecautionDraft {
  return {
    targets: rows.map((row) => ({
      ...withSide({ muscleId: row.muscleId, reason: '', techniques: [{ techniqueId: row.techniqueId, parameters: row.parameters }] }, row.side),
    })),
    homeProgram: [],
  };
}

/**
 * Advisory limits that hold for every patient: a muscle next to an endangerment site, or whose own
 * knowledge-base caution asks for gentle pressure, is never proposed above that pressure. The
 * clinician may raise it in the plan (these are not patient precautions, so no override is needed).
 */
export function capAtCautionedMuscles(
  targets: readonly PlanTarget[],
  effects: PrecautionEffectsFile = loadPrecautionEffects(),
  kb: KnowledgeBase = bundledKnowledgeBase,
): { targets: PlanTarget[]; actions: PrecautionAction[] } {
  const muscles = new Map(kb.muscles.map((m) => [m.id, m]));
  const limits = new Map(effects.muscleLimits.map((l) => [l.muscleId, l]));
  const actions: PrecautionAction[] = [];
  const capped = targets.map((target) => {
    const muscle = muscles.get(target.muscleId);
    const limit = limits.get(target.muscleId);
    const caution = limit ? muscle?.cautions[limit.cautionIndex] : undefined;
    const candidates = [
      ...(limit && caution ? [{ cap: limit.maxPressure, ruleId: `caution:${target.muscleId}`, reason: caution, sources: limit.sources }] : []),
      ...((muscle?.endangermentSites.length ?? 0) > 0
        ? [{ cap: effects.endangerment.maxPressure, ruleId: 'endangerment', reason: effects.endangerment.reason, sources: effects.endangerment.sources }]
        : []),
    ].sort((a, b) => a.cap - b.cap);
    const binding = candidates[0];
    if (!binding) return target;
    const techniques = target.techniques.map((dose) => {
      const written = dose.parameters[PRESSURE_PARAMETER];
      if (written === undefined || written <= binding.cap) return dose;
      actions.push({
        item: withSide({ kind: 'pressure', muscleId: target.muscleId, techniqueId: dose.techniqueId, from: written, to: binding.cap }, target.side),
        action: 'capped',
        ruleId: binding.ruleId,
        reason: binding.reason,
        sources: binding.sources.slice(0, 6),
      });
      return { ...dose, parameters: { ...dose.parameters, [PRESSURE_PARAMETER]: binding.cap } };
    });
    return { ...target, techniques };
  });
  return { targets: capped, actions };
}
