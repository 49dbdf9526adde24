import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { conditionQuestions } from './evaluate-condition.ts';
import { findEndangermentSites } from './find-endangerment-sites.ts';
import { indexQuestionnaire, isRetired, localizedText, optionCodes } from './intake-questionnaire.ts';
import { consentTexts, intakeQuestionnaire } from './intake-questionnaire-data.ts';
import { findRequiredRedFlagQuestions, loadScreeningRules, screeningRuleFiles } from './load-screening-rules.ts';
import { ITEM_CONTROL_EXTENSION, TEXT_AR_EXTENSION } from './questionnaire-extensions.ts';
import { ConsentFile, Questionnaire } from './questionnaire-schemas.ts';
import { resolveAnswer } from './resolve-answer.ts';
import { intake } from './screening-case-builder.ts';
import { ContraindicationFile, RED_FLAG_IDS, RedFlagFile, type Condition } from './screening-schemas.ts';

const errorsOf = (schema: TSchema, data: unknown) => [...Value.Errors(schema, data)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);

const rules = loadScreeningRules();
const index = indexQuestionnaire(intakeQuestionnaire);
const ARABIC = /[\u0600-\u06FF]/;

describe('screening data files match their schemas', () => {
  it('red-flags.json', () => expect(errorsOf(RedFlagFile, screeningRuleFiles['screening/red-flags.json'])).toEqual([]));
  it('contraindications.json', () => expect(errorsOf(ContraindicationFile, screeningRuleFiles['screening/contraindications.json'])).toEqual([]));
  it('intake-questionnaire.json', () => expect(errorsOf(Questionnaire, intakeQuestionnaire)).toEqual([]));
  it('consent.json', () => expect(errorsOf(ConsentFile, consentTexts)).toEqual([]));
});

describe('screening rules', () => {
  const redFlags = rules.redFlags.rules;
  const contraindications = rules.contraindications.rules;
  const sites = rules.contraindications.endangermentSites;

  it('define every red flag exactly once', () => {
    expect(redFlags.map((r) => r.id).sort()).toEqual([...RED_FLAG_IDS].sort());
  });

  it('have unique contraindication and endangerment-site ids', () => {
    for (const ids of [contraindications.map((r) => r.id), sites.map((s) => s.id)]) {
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });

  it('cite at least one source each, the clinical reference among them', () => {
    const all = [...redFlags, ...contraindications, ...sites];
    expect(all.filter((r) => r.sources.length === 0 || r.sources.some((s) => s.citation.trim().length < 5)).map((r) => r.id)).toEqual([]);
    const withoutReference = [...redFlags, ...contraindications].filter((r) => !r.sources.some((s) => s.citation.startsWith('Myomap clinical reference')));
    expect(withoutReference.map((r) => r.id)).toEqual([]);
  });

  it('suspend trigger-point reasoning for RF_NMD and every emergency rule', () => {
    const expected = redFlags.filter((r) => r.id === 'RF_NMD' || r.urgency === 'emergency');
    expect(expected.filter((r) => !r.suspendsTriggerPointReasoning).map((r) => r.id)).toEqual([]);
  });

  it('only escalate to a more urgent level', () => {
    const rank = { soon: 1, same_day: 2, emergency: 3 };
    const bad = redFlags.filter((r) => r.escalations.some((e) => rank[e.urgency] <= rank[r.urgency]));
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('give every whole-session contraindication a referral and every local one its zones', () => {
    expect(contraindications.filter((r) => r.kind === 'whole_session' && !r.referral).map((r) => r.id)).toEqual([]);
    expect(contraindications.filter((r) => r.kind === 'local' && !r.zones).map((r) => r.id)).toEqual([]);
  });

  it('read only questions that exist, with a matching type and answer codes', () => {
    const problems: string[] = [];
    const check = (ruleId: string, condition: Condition): void => {
      for (const linkId of conditionQuestions(condition)) if (!index.has(linkId)) problems.push(`${ruleId}: no item ${linkId}`);
      if ('yes' in condition && index.get(condition.yes)?.item.type !== 'boolean') problems.push(`${ruleId}: ${condition.yes} is not boolean`);
      const codes = 'in' in condition ? condition.in : 'equals' in condition && typeof condition.equals === 'string' ? [condition.equals] : [];
      if ('answer' in condition && codes.length > 0) {
        const item = index.get(condition.answer)?.item;
        const known = item ? optionCodes(item) : [];
        for (const code of codes) if (!known.includes(code)) problems.push(`${ruleId}: ${condition.answer} has no option ${code}`);
      }
      if ('not' in condition) check(ruleId, condition.not);
      const children = 'all' in condition ? condition.all : 'any' in condition ? condition.any : 'of' in condition ? condition.of : [];
      for (const child of children) check(ruleId, child);
    };
    for (const rule of redFlags) {
      check(rule.id, rule.condition);
      for (const e of rule.escalations) check(rule.id, e.when);
      for (const c of rule.context ?? []) check(rule.id, c);
    }
    for (const combination of rules.redFlags.combinations) check(combination.id, combination.when);
    for (const rule of contraindications) {
      check(rule.id, rule.condition);
      const zonesFrom = rule.zones?.zonesFromAnswer;
      if (zonesFrom) {
        const control = index.get(zonesFrom)?.item.extension?.find((e) => e.url === ITEM_CONTROL_EXTENSION);
        if (control?.valueCodeableConcept?.coding[0]?.code !== 'body-zones') problems.push(`${rule.id}: ${zonesFrom} is not a body-zones item`);
      }
      const sideFrom = rule.zones?.sideFromAnswer;
      if (sideFrom) {
        const item = index.get(sideFrom)?.item;
        if (!item || !['left', 'right'].every((code) => optionCodes(item).includes(code))) problems.push(`${rule.id}: ${sideFrom} has no left/right`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('combine only to a real raise, citing the clinical reference', () => {
    const rank = { soon: 1, same_day: 2, emergency: 3 };
    const combinations = rules.redFlags.combinations;
    expect(new Set(combinations.map((c) => c.id)).size).toBe(combinations.length);
    const baseOf = (id: string) => redFlags.find((r) => r.id === id)?.urgency ?? 'emergency';
    // Each combination must raise at least one of its flags above that flag's base urgency.
    expect(combinations.filter((c) => !c.flags.some((id) => rank[c.urgency] > rank[baseOf(id)])).map((c) => c.id)).toEqual(['COMBO_PREGNANCY_CLOT']);
    expect(combinations.filter((c) => !c.sources.some((s) => s.citation.startsWith('Myomap clinical reference'))).map((c) => c.id)).toEqual([]);
  });

  it('surface only free-text questions that exist', () => {
    const bad = rules.redFlags.clinicianFreeText.filter((id) => !['string', 'text'].includes(index.get(id)?.item.type ?? ''));
    expect(bad).toEqual([]);
  });

  it('mark clearance only on precaution-level rules', () => {
    const cleared = contraindications.filter((r) => r.requiresClearance);
    expect(cleared.map((r) => r.id).sort()).toEqual(['CI_CANCER_ACTIVE', 'CI_HYPERTENSION']);
    expect(cleared.filter((r) => r.kind !== 'relative').map((r) => r.id)).toEqual([]);
  });

  it('treat the key red-flag questions as required', () => {
    const required = findRequiredRedFlagQuestions(rules);
    for (const linkId of ['rf-bladder-bowel', 'rf-saddle-numbness', 'rf-thunderclap', 'nmd-weakness-main', 'birth-date', 'pain-map']) {
      expect(required.has(linkId), linkId).toBe(true);
    }
    expect(required.has('rf-sexual-function')).toBe(false);
  });
});

describe('endangerment sites', () => {
  it('cover the reference list and are found by zone', () => {
    const ids = rules.contraindications.endangermentSites.map((s) => s.id);
    for (const id of [
      'anterior_triangle_neck',
      'posterior_triangle_neck',
      'axilla',
      'medial_upper_arm',
      'cubital_fossa',
      'femoral_triangle',
      'popliteal_fossa',
      'sciatic_notch',
      'abdomen',
      'kidney_area',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(findEndangermentSites(['posterior_knee']).map((s) => s.id)).toEqual(['popliteal_fossa']);
    expect(findEndangermentSites(['buttock', 'groin']).map((s) => s.id)).toEqual(['femoral_triangle', 'sciatic_notch']);
  });
});

describe('intake questionnaire', () => {
  const items = [...index.values()].map((entry) => entry.item);

  it('has unique linkIds', () => {
    const all: string[] = [];
    const walk = (list: typeof intakeQuestionnaire.item): void =>
      list.forEach((item) => {
        all.push(item.linkId);
        walk(item.item ?? []);
      });
    walk(intakeQuestionnaire.item);
    expect(all.length).toBe(new Set(all).size);
  });

  it('gives every item and answer option an Arabic text', () => {
    const missing = items.filter((item) => !ARABIC.test(localizedText(item).ar)).map((i) => i.linkId);
    const options = items.flatMap((item) =>
      (item.answerOption ?? [])
        .filter((o) => !ARABIC.test(o.valueCoding.extension?.find((e) => e.url === TEXT_AR_EXTENSION)?.valueString ?? ''))
        .map((o) => `${item.linkId}/${o.valueCoding.code}`),
    );
    expect([...missing, ...options]).toEqual([]);
  });

  it('enables items only from questions that exist', () => {
    const bad = items.flatMap((item) => (item.enableWhen ?? []).filter((w) => !index.has(w.question)).map((w) => `${item.linkId} <- ${w.question}`));
    expect(bad).toEqual([]);
  });

  it('requires every safety question except the optional sexual-function one', () => {
    const safety = [...index.values()].filter((e) => e.ancestors.some((a) => a.linkId === 'safety') && e.item.type !== 'group' && !isRetired(e.item));
    const optional = safety.filter((e) => e.item.required !== true).map((e) => e.item.linkId);
    expect(optional).toEqual(['rf-sexual-function']);
  });

  it('has three to five PSFS activities with 0-10 scores, and NPRS now/best/worst', () => {
    for (const linkId of ['pain-now', 'pain-best', 'pain-worst', 'psfs-1-score', 'psfs-5-score']) {
      const item = index.get(linkId)?.item;
      expect(item?.type, linkId).toBe('integer');
      expect(
        item?.extension?.some((e) => e.url.endsWith('/maxValue') && e.valueInteger === 10),
        linkId,
      ).toBe(true);
    }
    expect(['psfs-1-activity', 'psfs-2-activity', 'psfs-3-activity'].every((id) => index.get(id)?.item.required)).toBe(true);
    expect(index.get('psfs-4-activity')?.item.required).toBeUndefined();
  });

  it('is fully answered by the clean case intake (so clean cases test the rules, not gaps)', () => {
    const answers = intake();
    const gaps = items
      .filter((item) => item.required && item.type !== 'group' && !['full-name', 'phone'].includes(item.linkId))
      .filter((item) => resolveAnswer(item.linkId, answers, index).kind === 'unanswered')
      .map((item) => item.linkId);
    expect(gaps).toEqual([]);
  });
});

describe('consent texts', () => {
  it('come in English and Arabic for every version', () => {
    const versions = [...new Set(consentTexts.map((c) => c.version))];
    for (const version of versions) {
      const languages = consentTexts
        .filter((c) => c.version === version)
        .map((c) => c.language)
        .sort();
      expect(languages, version).toEqual(['ar', 'en']);
    }
  });

  it('cover soreness for 24-36 hours, the right to stop, sensitive areas and privacy', () => {
    const en = consentTexts.find((c) => c.language === 'en')?.body ?? '';
    for (const phrase of ['24 to 36 hours', 'stop the treatment at any time', 'explicit permission', 'confidential']) {
      expect(en).toContain(phrase);
    }
    const ar = consentTexts.find((c) => c.language === 'ar')?.body ?? '';
    expect(ar).toContain('24 إلى 36 ساعة');
  });
});

describe('questionnaire audit against the red-flag frameworks (framework-audit.json)', () => {
  it('maps every framework item to questions that exist and are asked, and to rules that exist', async () => {
    const audit = (await import('../../../../knowledge-base/screening/framework-audit.json', { with: { type: 'json' } })).default as {
      entries: { item: string; linkIds: string[]; ruleIds: string[] }[];
    };
    const rules = loadScreeningRules();
    const ruleIds = new Set([...rules.redFlags.rules.map((r) => r.id), ...rules.contraindications.rules.map((r) => r.id)]);
    const problems = audit.entries.flatMap((entry) => [
      ...entry.linkIds.flatMap((id) => {
        const item = index.get(id)?.item;
        return !item ? [`${entry.item}: no question ${id}`] : isRetired(item) ? [`${entry.item}: ${id} is retired`] : [];
      }),
      ...entry.ruleIds.filter((id) => !ruleIds.has(id)).map((id) => `${entry.item}: no rule ${id}`),
    ]);
    expect(problems).toEqual([]);
    for (const framework of ['Finucane 2020', 'IFOMPT 2020']) {
      expect(
        audit.entries.some((e) => (e as { framework?: string }).framework === framework),
        framework,
      ).toBe(true);
    }
  });
});
