import type { AssessmentData, Side } from '../clinical/assessment-schemas.ts';
import { deriveProblemList } from '../clinical/derive-problem-list.ts';
import { rankSourceMuscles } from '../clinical/rank-source-muscles.ts';
import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Muscle, Protocol, SelfCareItem } from '../knowledge/knowledge-schemas.ts';
import { applyPrecautions, capAtCautionedMuscles, type PatientFlag } from './apply-precautions.ts';
import { loadPrecautionEffects } from './load-precaution-effects.ts';
import type { PrecautionEffectsFile } from './precaution-schemas.ts';
import type { PlanData, PlanGoal, PlanTarget, TechniqueDose } from './treatment-schemas.ts';

/**
 * Proposes a treatment plan from an assessment, for the therapist to edit and approve. Every
 * clinical fact comes from the knowledge base; the code only applies the ordering rules of the
 * clinical reference §3.1 (NMT American version, Chaitow & DeLany) and the dosing and follow-up
 * conventions of §3.3, §4 and §6. Pure and deterministic: `today` comes in as a parameter.
 */
export interface ProposePlanInput {
  assessment: AssessmentData;
  /** 'YYYY-MM-DD' in the clinic's zone. */
  today: string;
  /** From the safety screen and the physician's review; carried into the plan as written. */
  precautions: readonly string[];
  /** PSFS activities from the intake, in the patient's words, each scored 0-10. */
  psfs?: readonly { activity: string; score: number }[];
  /** The intake's `pain-duration` answer: 'lt_6_weeks' marks an acute / first episode. */
  painDuration?: string;
  /** The screen's contraindications for this patient: they remove and cap work (apply-precautions.ts). */
  flags?: readonly PatientFlag[];
}

export const PLAN_LIMITS = {
  /** Targets in one plan at most: about what a 45-60 min session can cover (§3.3 session length). */
  maxTargets: 10,
  /** Protocol muscles offered to palpate; not treatment rows. */
  maxSuggestedChecks: 30,
  /** Source-finder candidates taken for rule (b), and the least score that counts. */
  sourceCandidates: 4,
  minSourceScore: 0.3,
  homeProgramMin: 2,
  homeProgramMax: 4,
  /** Home-program items of one kind, so the handout is not three stretches. */
  homeProgramPerKind: 2,
  /** Full re-assessment about every 30 days (§6 follow-up table). */
  reassessAfterDays: 30,
} as const;

/**
 * Follow-up intervals by phase (§6, a convention, confidence M): acute / first episode 1-2 per
 * week for 2-3 weeks; subacute or chronic weekly for 4-6 weeks. We take the upper ends.
 */
export const PLAN_FREQUENCY = {
  acute: { sessionsPerWeek: 2, weeks: 3 },
  chronic: { sessionsPerWeek: 1, weeks: 6 },
} as const;

/**
 * Session order (§3.1 steps 3-6): gliding strokes prepare the tissue, compression treats the
 * trigger point, MET/PNF then stretch lengthen the muscle, and mobilisation restores regional
 * movement. Techniques in one phase are alternatives; the muscle's own list order picks one.
 */
export const TECHNIQUE_PHASES: readonly (readonly string[])[] = [
  ['gliding_strokes'],
  ['ischemic_compression', 'pincer_compression'],
  ['met_post_isometric_relaxation', 'met_reciprocal_inhibition', 'pnf_hold_relax', 'pnf_contract_relax'],
  ['passive_stretch', 'spray_and_stretch'],
  ['scapular_mobilisation', 'passive_range_of_motion'],
];
/** The techniques' 0-10 pressure parameter, capped by a muscle's maxPressure. */
const PRESSURE_PARAMETER = 'pressure';
/** Reciprocal inhibition is the MET for acute or painful muscles (§3.3). */
const ACUTE_MET = 'met_reciprocal_inhibition';

/**
 * Why a target is in the plan, as a code the web app translates (rules (a)-(c) of §3.1):
 * palpated active trigger point (reproducing the familiar pain or not), referral candidate,
 * palpated latent trigger point, or a step of a region protocol ('protocol:<id>').
 */
export const TARGET_REASONS = {
  activeFamiliar: 'active_trp_familiar',
  active: 'active_trp',
  sourceCandidate: 'source_candidate',
  latent: 'latent_trp',
  protocol: (protocolId: string) => `protocol:${protocolId}`,
} as const;

export function proposeTreatmentPlan(
  input: ProposePlanInput,
  kb: KnowledgeBase = bundledKnowledgeBase,
  effects: PrecautionEffectsFile = loadPrecautionEffects(),
): PlanData {
  const { assessment } = input;
  const flags = input.flags ?? [];
  const acute = input.painDuration === 'lt_6_weeks';
  const protocols = rankProtocols(assessment, kb);
  const { targets: drafts, suggestedChecks } = orderTargets(assessment, protocols, kb);
  const dosed = drafts.map((target) => ({ ...target, techniques: chooseTechniques(target.muscleId, acute, kb) }));
  // Patient precautions first (they remove work), then the limits every patient gets.
  const safe = applyPrecautions({ targets: dosed, homeProgram: [] }, flags, effects, kb);
  const cautioned = capAtCautionedMuscles(safe.targets, effects, kb);
  const targets = cautioned.targets;
  // The home program is chosen for the targets that remain; an item a precaution excludes is
  // reported once and replaced by the next best.
  const firstChoice = applyPrecautions({ targets: [], homeProgram: chooseHomeProgram(targets, kb, new Set()) }, flags, effects, kb);
  const excludedSelfCare = new Set(effects.effects.filter((e) => flags.some((f) => f.ruleId === e.ruleId)).flatMap((e) => e.excludeSelfCare ?? []));
  const frequency = acute ? PLAN_FREQUENCY.acute : PLAN_FREQUENCY.chronic;
  const implicated = new Set(targets.map((t) => t.muscleId));
  return {
    problems: listProblems(assessment, kb),
    protocolIds: protocols.map((p) => p.id).slice(0, 9),
    targets,
    precautions: [...new Set(input.precautions.map((p) => p.trim()).filter((p) => p !== ''))].slice(0, 30).map((p) => p.slice(0, 500)),
    frequency: { ...frequency, totalSessions: frequency.sessionsPerWeek * frequency.weeks },
    goals: proposeGoals(assessment, input.psfs ?? []),
    reassessmentDate: addDays(input.today, PLAN_LIMITS.reassessAfterDays),
    homeProgram: chooseHomeProgram(targets, kb, excludedSelfCare),
    // A check a precaution rules out is not suggested either.
    suggestedChecks: suggestedChecks.filter(
      (c) =>
        !implicated.has(c.muscleId) &&
        applyPrecautions({ targets: [{ ...c, reason: '', techniques: [] }], homeProgram: [] }, flags, effects, kb).targets.length > 0,
    ),
    precautionActions: [...safe.actions, ...cautioned.actions, ...firstChoice.actions].slice(0, 300),
    positionsToAvoid: safe.positionsToAvoid.slice(0, 20),
  };
}

function listProblems(assessment: AssessmentData, kb: KnowledgeBase): PlanData['problems'] {
  const problems = assessment.problems.length > 0 ? assessment.problems : deriveProblemList(assessment, kb);
  return [...problems]
    .sort((a, b) => a.priority - b.priority)
    .slice(0, 30)
    .map((p, index) => ({ title: p.title.slice(0, 300), priority: Math.min(100, index + 1) }));
}

/**
 * Protocols whose zones hold the marked pain, ranked by the pain they cover (the sum of the
 * intensities of the marks in their zones), then by how many marks, then in knowledge-base order.
 * With no pain marked, the protocols of the palpated active trigger points stand in.
 */
function rankProtocols(assessment: AssessmentData, kb: KnowledgeBase): Protocol[] {
  const painful = assessment.painMap.filter((mark) => mark.intensity > 0);
  const ranked = kb.protocols
    .map((protocol, order) => {
      const zones = new Set(protocol.zones);
      const covered = painful.filter((mark) => zones.has(mark.zone));
      return { protocol, order, pain: covered.reduce((sum, mark) => sum + mark.intensity, 0), marks: covered.length };
    })
    .filter((entry) => entry.marks > 0)
    .sort((a, b) => b.pain - a.pain || b.marks - a.marks || a.order - b.order)
    .map((entry) => entry.protocol);
  if (ranked.length > 0) return ranked;
  const muscles = new Map(kb.muscles.map((m) => [m.id, m]));
  const ids = new Set(assessment.triggerPoints.filter(isActive).flatMap((tp) => muscles.get(tp.muscleId)?.protocols ?? []));
  return kb.protocols.filter((p) => ids.has(p.id));
}

type Finding = AssessmentData['triggerPoints'][number];
type Draft = Omit<PlanTarget, 'techniques'>;

/** A "latent" point that reproduces the familiar pain is active by definition (Travell & Simons ch. 2). */
function isActive(tp: Finding): boolean {
  return tp.activity === 'active' || tp.reproducesFamiliarPain;
}

type Check = NonNullable<PlanData['suggestedChecks']>[number];

/**
 * Targets in treatment order (§3.1): (a) palpated active trigger points, those reproducing the
 * familiar pain first and a key trigger point before its satellites (e); (b) the best referral
 * candidates for the pain map above PLAN_LIMITS.minSourceScore; then palpated latent trigger
 * points. Only what the assessment supports is treated: (c) the rest of the matched protocols'
 * lists, in their listed order on the painful side, are suggestions to palpate, never padding.
 */
function orderTargets(assessment: AssessmentData, protocols: readonly Protocol[], kb: KnowledgeBase): { targets: Draft[]; suggestedChecks: Check[] } {
  const muscles = new Map(kb.muscles.map((m) => [m.id, m]));
  const targets: Draft[] = [];
  const add = (muscleId: string, side: Side | undefined, reason: string) => {
    if (targets.length >= PLAN_LIMITS.maxTargets || !muscles.has(muscleId)) return;
    // One target per muscle and side; an unsided target stands for both sides.
    const clash = targets.some((t) => t.muscleId === muscleId && (t.side === side || t.side === undefined || side === undefined));
    if (!clash) targets.push({ muscleId, ...(side ? { side } : {}), reason });
  };

  const palpated = assessment.triggerPoints.filter((tp) => muscles.has(tp.muscleId));
  const active = palpated.filter(isActive);
  const satellite = (tp: Finding) =>
    active.some((key) => key !== tp && key.muscleId !== tp.muscleId && refersOnto(muscles.get(key.muscleId), muscles.get(tp.muscleId)));
  const activeOrdered = active
    .map((tp, order) => ({ tp, order, familiar: tp.reproducesFamiliarPain ? 0 : 1, satellite: satellite(tp) ? 1 : 0 }))
    .sort((a, b) => a.familiar - b.familiar || a.satellite - b.satellite || a.order - b.order);
  for (const { tp } of activeOrdered) add(tp.muscleId, tp.side, tp.reproducesFamiliarPain ? TARGET_REASONS.activeFamiliar : TARGET_REASONS.active);

  const marks = assessment.painMap.filter((mark) => mark.intensity > 0);
  if (marks.length > 0) {
    const candidates = rankSourceMuscles({ zones: marks.map(({ zone, side, intensity }) => ({ zone, ...(side ? { side } : {}), intensity })) }, kb);
    candidates
      .filter((c) => c.score >= PLAN_LIMITS.minSourceScore)
      .slice(0, PLAN_LIMITS.sourceCandidates)
      .forEach((c) => add(c.muscleId, c.side, TARGET_REASONS.sourceCandidate));
  }

  for (const tp of palpated.filter((tp) => !isActive(tp))) add(tp.muscleId, tp.side, TARGET_REASONS.latent);

  const suggestedChecks: Check[] = [];
  for (const protocol of protocols) {
    const zones = new Set(protocol.zones);
    const sides = new Set(marks.filter((mark) => zones.has(mark.zone) && mark.side).map((mark) => mark.side));
    // Pain on one side only: check that side; pain on both sides: leave it unsided (bilateral comparison, rule d).
    const side = sides.size === 1 ? [...sides][0] : undefined;
    for (const muscleId of protocol.muscles) {
      if (suggestedChecks.length >= PLAN_LIMITS.maxSuggestedChecks || !muscles.has(muscleId)) continue;
      if (targets.some((t) => t.muscleId === muscleId) || suggestedChecks.some((c) => c.muscleId === muscleId)) continue;
      suggestedChecks.push({ muscleId, ...(side ? { side } : {}), protocolId: protocol.id });
    }
  }
  return { targets, suggestedChecks };
}

/** True when `satellite`'s trigger points lie in `key`'s referral zones: treat the key first (§3.1 e). */
function refersOnto(key: Muscle | undefined, satellite: Muscle | undefined): boolean {
  if (!key || !satellite) return false;
  const referral = new Set([...key.referral.primary, ...key.referral.spillover]);
  return satellite.triggerPoints.some((site) => referral.has(site.zone));
}

/**
 * One technique per session phase, the first the muscle lists, each at the technique's default dose.
 * Two limits from the data win over the defaults: a technique whose cautions rule out the muscle's
 * region (avoidRegions: spray-and-stretch on the face and jaw) is never proposed, and a muscle's
 * maxPressure caps every pressure parameter (longus colli beside the carotid: fingertip pressure).
 */
function chooseTechniques(muscleId: string, acute: boolean, kb: KnowledgeBase): TechniqueDose[] {
  const muscle = kb.muscles.find((m) => m.id === muscleId);
  const techniques = new Map(kb.techniques.map((t) => [t.id, t]));
  const listed = (muscle?.techniques ?? []).filter((id) => !muscle || !techniques.get(id)?.avoidRegions?.includes(muscle.region));
  const chosen: string[] = [];
  for (const phase of TECHNIQUE_PHASES) {
    const inPhase = listed.filter((id) => phase.includes(id));
    const pick = acute && inPhase.includes(ACUTE_MET) ? ACUTE_MET : inPhase[0];
    if (pick) chosen.push(pick);
  }
  // A technique in no known phase still belongs to the muscle: it goes last, in listed order.
  chosen.push(...listed.filter((id) => !TECHNIQUE_PHASES.some((phase) => phase.includes(id))));
  return chosen.flatMap((id) => {
    const technique = techniques.get(id);
    if (!technique) return [];
    const dose = (p: (typeof technique.parameters)[number]) =>
      p.id === PRESSURE_PARAMETER && muscle?.maxPressure !== undefined ? Math.max(p.min, Math.min(p.default, muscle.maxPressure)) : p.default;
    return [{ techniqueId: id, parameters: Object.fromEntries(technique.parameters.map((p) => [p.id, dose(p)])) }];
  });
}

/**
 * Goals a re-assessment can check:
 * - NPRS from the worst marked pain. The minimal clinically important difference is 2 points or
 *   30% (Farrar 2001); the goal asks for the larger of the two, so "7 → 4 or less".
 * - Each PSFS activity up 3 points, the minimal detectable change for a single activity (Stratford 1995).
 */
function proposeGoals(assessment: AssessmentData, psfs: readonly { activity: string; score: number }[]): PlanGoal[] {
  const goals: PlanGoal[] = [];
  const worst = Math.max(0, ...assessment.painMap.map((mark) => mark.intensity));
  if (assessment.painMap.length > 0 && worst > 0) {
    // Integer arithmetic: 0.3 × 10 is 3.0000000000000004 in floating point, and ceil would make it 4.
    const change = Math.max(2, Math.ceil((worst * 30) / 100));
    goals.push({ measure: 'nprs', baseline: worst, target: Math.max(0, worst - change) });
  }
  for (const item of psfs) {
    const activity = item.activity.trim().slice(0, 200);
    const baseline = Math.min(10, Math.max(0, Math.round(item.score)));
    if (activity === '' || baseline >= 10 || goals.length >= 10) continue;
    goals.push({ measure: 'psfs', activity, baseline, target: Math.min(10, baseline + 3) });
  }
  return goals;
}

/**
 * Self-care items that work on the plan's targets, the earlier (more important) targets weighing
 * more, at most PLAN_LIMITS.homeProgramPerKind of one kind. General items (no muscles) fill up to
 * the minimum. The dose is the item's default, in English; the web app shows the Arabic default
 * when the dose is left unchanged.
 */
function chooseHomeProgram(targets: readonly PlanTarget[], kb: KnowledgeBase, excluded: ReadonlySet<string>): PlanData['homeProgram'] {
  const weight = new Map<string, number>();
  targets.forEach((t, index) => weight.set(t.muscleId, Math.max(weight.get(t.muscleId) ?? 0, targets.length - index)));
  const scored = kb.selfCare
    .filter((item) => !excluded.has(item.id))
    .map((item, order) => ({ item, order, score: item.muscles.reduce((sum, m) => sum + (weight.get(m) ?? 0), 0) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: SelfCareItem[] = [];
  const perKind = new Map<string, number>();
  for (const { item } of scored) {
    if (chosen.length >= PLAN_LIMITS.homeProgramMax) break;
    const count = perKind.get(item.kind) ?? 0;
    if (count >= PLAN_LIMITS.homeProgramPerKind) continue;
    perKind.set(item.kind, count + 1);
    chosen.push(item);
  }
  for (const item of kb.selfCare) {
    if (chosen.length >= PLAN_LIMITS.homeProgramMin) break;
    if (item.muscles.length === 0 && !chosen.includes(item) && !excluded.has(item.id)) chosen.push(item);
  }
  return chosen.map((item) => ({ selfCareId: item.id, dose: item.defaultDose.en.slice(0, 300) }));
}

/** 'YYYY-MM-DD' plus whole days, on the calendar (no zone, no clock). */
export function addDays(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return utc.toISOString().slice(0, 10);
}
