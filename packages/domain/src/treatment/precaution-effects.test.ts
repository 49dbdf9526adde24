import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../knowledge/knowledge-base.ts';
import { loadScreeningRules } from '../screening/load-screening-rules.ts';
import { loadPrecautionEffects, precautionEffectsFile } from './load-precaution-effects.ts';
import { PrecautionEffectsFile } from './precaution-schemas.ts';

const effects = loadPrecautionEffects();
const rules = loadScreeningRules();

describe('knowledge-base/screening/precaution-effects.json', () => {
  it('matches its schema', () => {
    const errors = [...Value.Errors(PrecautionEffectsFile, precautionEffectsFile)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([]);
  });

  it('states the effects of every contraindication and precaution rule (a new rule fails here until it has an entry)', () => {
    const withEffects = new Set(effects.effects.map((e) => e.ruleId));
    expect(rules.contraindications.rules.map((r) => r.id).filter((id) => !withEffects.has(id))).toEqual([]);
  });

  it('names only rules, zones, muscles, techniques, self-care items and positions that exist, once each', () => {
    const ruleIds = new Set(rules.contraindications.rules.map((r) => r.id));
    const muscles = new Set(knowledgeBase.muscles.map((m) => m.id));
    const techniques = new Set(knowledgeBase.techniques.map((t) => t.id));
    const selfCare = new Set(knowledgeBase.selfCare.map((s) => s.id));
    const unknown = effects.effects.flatMap((e) => [
      ...(ruleIds.has(e.ruleId) ? [] : [e.ruleId]),
      ...(e.excludeMuscles ?? []).filter((id) => !muscles.has(id)),
      ...[...(e.excludeTechniques ?? []), ...(e.requireTechniques ?? [])].filter((id) => !techniques.has(id)),
      ...(e.excludeSelfCare ?? []).filter((id) => !selfCare.has(id)),
      ...(e.avoidPositions ?? []).filter((id) => !(id in effects.positions)),
    ]);
    expect(unknown).toEqual([]);
    const ids = effects.effects.map((e) => e.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses rule_zones only for rules whose zones the screen resolves, and gives every entry an effect', () => {
    const byId = new Map(rules.contraindications.rules.map((r) => [r.id, r]));
    for (const effect of effects.effects) {
      const rule = byId.get(effect.ruleId);
      const usesRuleZones = effect.excludeZones === 'rule_zones' || effect.scope === 'rule_zones';
      if (usesRuleZones) expect(rule?.zones, effect.ruleId).toBeDefined();
      const acts =
        [
          effect.excludeZones,
          effect.excludeMuscles,
          effect.maxPressure,
          effect.excludeTechniques,
          effect.requireTechniques,
          effect.avoidPositions,
          effect.excludeSelfCare,
        ].some((v) => v !== undefined) ||
        effect.requiresPhysicianClearance ||
        effect.changesNothing === true;
      expect(acts, effect.ruleId).toBe(true);
    }
  });

  it('gives a local (avoid the area) rule a zone exclusion and a whole-session rule physician clearance', () => {
    const byId = new Map(effects.effects.map((e) => [e.ruleId, e]));
    for (const rule of rules.contraindications.rules) {
      const effect = byId.get(rule.id);
      if (rule.kind === 'local') expect(effect?.excludeZones, rule.id).toBeDefined();
      if (rule.kind === 'whole_session') expect(effect?.requiresPhysicianClearance, rule.id).toBe(true);
    }
  });

  it('reads each muscle limit from a caution the muscle really has', () => {
    for (const limit of effects.muscleLimits) {
      const muscle = knowledgeBase.muscles.find((m) => m.id === limit.muscleId);
      expect(muscle?.cautions[limit.cautionIndex], limit.muscleId).toBeDefined();
    }
  });
});
