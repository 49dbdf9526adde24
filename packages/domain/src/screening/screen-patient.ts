import type { Localized } from '../knowledge/knowledge-schemas.ts';
import { evaluateCondition, type ConditionContext } from './evaluate-condition.ts';
import { concatLocalized, fillTemplate, joinLocalized, listQuestions, uniqueLocalized } from './format-screening-text.ts';
import type { IntakeAnswers } from './intake-answers.ts';
import { indexQuestionnaire, localizedText } from './intake-questionnaire.ts';
import { findRequiredRedFlagQuestions, loadScreeningRules, type ScreeningRules } from './load-screening-rules.ts';
import { resolveZones, zoneKey } from './resolve-zones.ts';
import type {
  AvoidZone,
  ContraindicationFinding,
  PhysicianReferral,
  Precaution,
  RedFlagFinding,
  ScreeningOutcome,
  ScreeningResult,
} from './screening-result.ts';
import type { Combination, ContraindicationRule, RedFlagRule, Urgency } from './screening-schemas.ts';

export type * from './screening-result.ts';
export { answersFromQuestionnaireResponse, type IntakeAnswers, type IntakeAnswerValue } from './intake-answers.ts';
export { loadScreeningRules, type ScreeningRules } from './load-screening-rules.ts';

const URGENCY_RANK: Record<Urgency, number> = { soon: 1, same_day: 2, emergency: 3 };
const moreUrgent = (a: Urgency, b: Urgency): Urgency => (URGENCY_RANK[b] > URGENCY_RANK[a] ? b : a);

interface Screen {
  ctx: ConditionContext;
  rules: ScreeningRules;
  required: ReadonlySet<string>;
  unanswered: Set<string>;
  precautions: Precaution[];
}

const notAnswered = (linkIds: readonly string[]) => linkIds.map((id) => `${id}: not answered`);

function checkRedFlag(rule: RedFlagRule, screen: Screen): RedFlagFinding | undefined {
  const { ctx, required } = screen;
  const evaluation = evaluateCondition(rule.condition, ctx);
  if (evaluation.truth === 'false') return undefined;
  evaluation.unknowns.forEach((id) => screen.unanswered.add(id));
  if (evaluation.truth === 'unknown' && !evaluation.unknowns.some((id) => required.has(id))) {
    // Only optional questions are missing: ask them, but they cannot force a referral.
    const questions = listQuestions(evaluation.unknowns, ctx.index);
    const text = fillTemplate(screen.rules.redFlags.messages.unknownQuestion, { questions, name: rule.suspect });
    screen.precautions.push({ ruleId: rule.id, text });
    return undefined;
  }
  const reasons = [...evaluation.facts, ...notAnswered(evaluation.unknowns)];
  let urgency = rule.urgency;
  for (const escalation of rule.escalations) {
    const result = evaluateCondition(escalation.when, ctx);
    result.unknowns.forEach((id) => screen.unanswered.add(id));
    // An escalation that a blank required question could trigger is applied: err towards urgency.
    const applies = result.truth === 'true' || (result.truth === 'unknown' && result.unknowns.some((id) => required.has(id)));
    if (applies && URGENCY_RANK[escalation.urgency] > URGENCY_RANK[urgency]) {
      urgency = escalation.urgency;
      reasons.push(`escalated to ${escalation.urgency}: ${escalation.because.en}`, ...result.facts, ...notAnswered(result.unknowns));
    }
  }
  for (const context of rule.context ?? []) {
    const result = evaluateCondition(context, ctx);
    const fresh = result.truth === 'true' ? result.facts.filter((fact) => !reasons.includes(fact)) : [];
    reasons.push(...fresh.map((fact) => `context: ${fact}`));
  }
  return {
    id: rule.id,
    name: rule.name,
    suspect: rule.suspect,
    urgency,
    certainty: evaluation.truth === 'true' ? 'positive' : 'not_ruled_out',
    reasons: [...new Set(reasons)],
    referTo: rule.referTo,
    tests: rule.physicianTests,
    suspendsTriggerPointReasoning: rule.suspendsTriggerPointReasoning || urgency === 'emergency',
  };
}

/**
 * Urgency is a property of the whole picture: a combination whose context holds raises each of its
 * flags to its urgency (never lowers it) and names why. A blank required answer counts, as for escalations.
 */
function applyCombinations(findings: RedFlagFinding[], combinations: readonly Combination[], screen: Screen): ScreeningResult['escalatedBy'] {
  const applied: ScreeningResult['escalatedBy'] = [];
  const template = screen.rules.redFlags.messages.combinationReason;
  for (const combination of combinations) {
    const targets = findings.filter((f) => combination.flags.includes(f.id));
    if (targets.length === 0) continue;
    const result = evaluateCondition(combination.when, screen.ctx);
    const applies = result.truth === 'true' || (result.truth === 'unknown' && result.unknowns.some((id) => screen.required.has(id)));
    if (!applies) continue;
    result.unknowns.forEach((id) => screen.unanswered.add(id));
    const raised = targets.filter((f) => URGENCY_RANK[combination.urgency] >= URGENCY_RANK[f.urgency]);
    for (const finding of raised) {
      finding.urgency = moreUrgent(finding.urgency, combination.urgency);
      finding.reasons.push(fillTemplate(template, { because: combination.because }).en, ...result.facts, ...notAnswered(result.unknowns));
      finding.reasons = [...new Set(finding.reasons)];
      if (finding.urgency === 'emergency') finding.suspendsTriggerPointReasoning = true;
    }
    if (raised.length > 0) applied.push({ id: combination.id, flags: raised.map((f) => f.id), because: combination.because });
  }
  return applied;
}

function collectFreeText(rules: ScreeningRules, ctx: ConditionContext): ScreeningResult['freeText'] {
  return rules.redFlags.clinicianFreeText.flatMap((linkId) => {
    const value = ctx.answers[linkId];
    const entry = ctx.index.get(linkId);
    if (typeof value !== 'string' || value.trim() === '' || !entry) return [];
    return [{ linkId, question: localizedText(entry.item), text: value.trim() }];
  });
}

function checkContraindication(rule: ContraindicationRule, screen: Screen): ContraindicationFinding | undefined {
  const { ctx } = screen;
  const messages = screen.rules.contraindications.messages;
  const evaluation = evaluateCondition(rule.condition, ctx);
  if (evaluation.truth === 'false') return undefined;
  const { zones, locationMissing } = resolveZones(rule.zones, ctx);
  const base = { id: rule.id, name: rule.name, kind: rule.kind, zones };
  const withZones = (ruleId: string, text: Localized): Precaution => (zones.length > 0 ? { ruleId, text, zones } : { ruleId, text });
  if (evaluation.truth === 'unknown') {
    // An unanswered safety question yields at least a precaution: act as if the answer were yes.
    evaluation.unknowns.forEach((id) => screen.unanswered.add(id));
    const questions = listQuestions(evaluation.unknowns, ctx.index);
    screen.precautions.push(withZones(rule.id, fillTemplate(messages.unknownQuestion, { questions, precaution: rule.precaution })));
    return { ...base, certainty: 'not_ruled_out', reasons: [...evaluation.facts, ...notAnswered(evaluation.unknowns)] };
  }
  const text = locationMissing ? concatLocalized(rule.precaution, messages.zonesNotGiven) : rule.precaution;
  screen.precautions.push(withZones(rule.id, text));
  return { ...base, certainty: 'positive', reasons: evaluation.facts };
}

function collectAvoidZones(findings: readonly ContraindicationFinding[]): AvoidZone[] {
  const byKey = new Map<string, AvoidZone>();
  for (const finding of findings) {
    if (finding.kind !== 'local' || finding.certainty !== 'positive') continue;
    for (const ref of finding.zones) {
      const existing = byKey.get(zoneKey(ref));
      if (existing) existing.ruleIds.push(finding.id);
      else byKey.set(zoneKey(ref), { ...ref, ruleIds: [finding.id] });
    }
  }
  return [...byKey.values()];
}

function buildReferral(
  redFlags: readonly RedFlagFinding[],
  postponing: readonly ContraindicationRule[],
  rules: ScreeningRules,
  escalatedBy: ScreeningResult['escalatedBy'],
): PhysicianReferral | undefined {
  const referred = postponing.filter((rule) => rule.referral !== undefined);
  if (redFlags.length === 0 && referred.length === 0) return undefined;
  const messages = rules.redFlags.messages;
  // Whole-session contraindications name the reason only when no red flag already does
  // (a suspected clot is both RF_PE_DVT and CI_DVT_PE).
  const suspects =
    redFlags.length > 0
      ? redFlags.map((flag) => (flag.certainty === 'positive' ? flag.suspect : concatLocalized(flag.suspect, messages.notRuledOutSuffix)))
      : referred.map((rule) => rule.name);
  const urgencies = [...redFlags.map((f) => f.urgency), ...referred.flatMap((r) => (r.referral ? [r.referral.urgency] : []))];
  const urgency = urgencies.reduce(moreUrgent, 'soon');
  // The emergency outcome names its reason: the emergency suspects and what escalated them.
  const emergencyReasons = [
    ...redFlags.filter((f) => f.urgency === 'emergency').map((f) => f.suspect),
    ...referred.flatMap((r) => (r.referral?.urgency === 'emergency' ? [r.name] : [])),
    ...escalatedBy.filter((e) => redFlags.some((f) => e.flags.includes(f.id) && f.urgency === 'emergency')).map((e) => e.because),
  ];
  const emergencyAction =
    urgency === 'emergency' ? fillTemplate(messages.emergencyAction, { reasons: joinLocalized(uniqueLocalized(emergencyReasons)) }) : undefined;
  return {
    urgency,
    ...(emergencyAction ? { emergencyAction } : {}),
    reason: fillTemplate(messages.referralReason, { suspects: joinLocalized(suspects) }),
    referTo: uniqueLocalized([...redFlags.map((f) => f.referTo), ...referred.flatMap((r) => (r.referral ? [r.referral.referTo] : []))]),
    suggestedTests: uniqueLocalized(redFlags.flatMap((f) => f.tests)),
  };
}

function decideOutcome(
  redFlags: readonly RedFlagFinding[],
  contraindications: readonly ContraindicationFinding[],
  precautions: readonly Precaution[],
): ScreeningOutcome {
  const postpones = contraindications.some((c) => c.kind === 'whole_session' && c.certainty === 'positive');
  if (redFlags.length > 0 || postpones) return 'refer_before_treatment';
  return contraindications.length > 0 || precautions.length > 0 ? 'proceed_with_precautions' : 'proceed';
}

/**
 * Screens an intake before any treatment. Any red flag (positive, or not ruled out because a
 * required red-flag question is blank) or a whole-session contraindication refers before
 * treatment; local and relative contraindications, and unanswered optional safety questions,
 * proceed with precautions; otherwise proceed. Combinations (data) raise urgency from the whole
 * picture; precautions marked requiresClearance are listed for the treatment gate. Pure: `today` (YYYY-MM-DD) is the screening day.
 */
export function screenPatient(answers: IntakeAnswers, today: string, rules: ScreeningRules = loadScreeningRules()): ScreeningResult {
  const screen: Screen = {
    ctx: { answers, today, index: indexQuestionnaire(rules.questionnaire) },
    rules,
    required: findRequiredRedFlagQuestions(rules),
    unanswered: new Set(),
    precautions: [],
  };
  const redFlags = rules.redFlags.rules.flatMap((rule) => checkRedFlag(rule, screen) ?? []);
  const escalatedBy = applyCombinations(redFlags, rules.redFlags.combinations, screen);
  redFlags.sort((a, b) => URGENCY_RANK[b.urgency] - URGENCY_RANK[a.urgency]);
  const contraindications = rules.contraindications.rules.flatMap((rule) => checkContraindication(rule, screen) ?? []);
  const postponing = rules.contraindications.rules.filter((rule) =>
    contraindications.some((c) => c.id === rule.id && c.kind === 'whole_session' && c.certainty === 'positive'),
  );
  const physicianReferral = buildReferral(redFlags, postponing, rules, escalatedBy);
  const clearanceRequired = rules.contraindications.rules
    .filter((rule) => rule.requiresClearance && contraindications.some((c) => c.id === rule.id))
    .map((rule) => rule.id);
  return {
    outcome: decideOutcome(redFlags, contraindications, screen.precautions),
    redFlags,
    contraindications,
    precautions: screen.precautions,
    avoidZones: collectAvoidZones(contraindications),
    suspendTriggerPointReasoning: redFlags.some((flag) => flag.suspendsTriggerPointReasoning),
    ...(physicianReferral ? { physicianReferral } : {}),
    unansweredSafetyQuestions: [...screen.unanswered],
    clearanceRequired,
    escalatedBy,
    freeText: collectFreeText(rules, screen.ctx),
  };
}
