import { emptyAssessmentData, type AssessmentData } from '../clinical/assessment-schemas.ts';
import { knowledgeBase as bundledKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { screenPatient } from '../screening/screen-patient.ts';
import type { ScreeningCase } from '../screening/screening-case-builder.ts';
import { SCREENING_CASES } from '../screening/screening-cases.ts';
import { findPrecautionConflicts, flagsFromScreening, PRESSURE_PARAMETER } from './apply-precautions.ts';
import { loadPrecautionEffects } from './load-precaution-effects.ts';
import type { PrecautionAction, PrecautionEffectsFile } from './precaution-schemas.ts';
import { proposeTreatmentPlan } from './propose-treatment-plan.ts';

/**
 * The plan measure: every screening case crossed with typical assessments, each proposed plan
 * checked against the patient's precautions. A safe plan builder has zero contradicting rows.
 */
type Tp = AssessmentData['triggerPoints'][number];
const tp = (muscleId: string, side: Tp['side'], activity: Tp['activity'] = 'active'): Tp => ({
  muscleId,
  ...(side ? { side } : {}),
  activity,
  reproducesFamiliarPain: activity === 'active',
});
const pain = (zone: string, side: 'left' | 'right' | undefined, intensity: number) => ({ zone, ...(side ? { side } : {}), intensity });

/** Assessments a clinic sees every week, each with palpated trigger points and a pain map. */
export const TYPICAL_ASSESSMENTS: readonly { id: string; data: AssessmentData }[] = [
  {
    id: 'neck_desk',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('posterior_neck', 'right', 6), pain('upper_trapezius_ridge', 'right', 6), pain('temple', 'right', 4)],
      triggerPoints: [
        tp('upper_trapezius', 'right'),
        tp('levator_scapulae', 'right'),
        tp('scalenes', 'right'),
        tp('sternocleidomastoid', 'right', 'latent'),
        tp('suboccipitals', 'right'),
      ],
    },
  },
  {
    id: 'anterior_neck',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('lateral_neck', 'left', 5), pain('anterior_neck', 'left', 4)],
      triggerPoints: [tp('sternocleidomastoid', 'left'), tp('longus_colli', 'left'), tp('scalenes', 'left'), tp('digastric', 'left', 'latent')],
    },
  },
  {
    id: 'low_back',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('low_back', 'left', 6), pain('buttock', 'left', 4), pain('groin', 'left', 3)],
      triggerPoints: [tp('quadratus_lumborum', 'left'), tp('iliopsoas', 'left'), tp('gluteus_medius', 'left'), tp('lumbar_multifidi', 'left', 'latent')],
    },
  },
  {
    id: 'mid_back_ribs',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('mid_back', 'left', 5), pain('mid_back', 'right', 5), pain('scapula_medial_border', 'right', 4)],
      triggerPoints: [
        tp('rhomboids', 'right'),
        tp('iliocostalis_thoracis', 'left'),
        tp('thoracic_multifidi_rotatores', 'right'),
        tp('intercostals', 'left', 'latent'),
      ],
    },
  },
  {
    id: 'calves',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('calf', 'left', 5), pain('calf', 'right', 5), pain('heel', 'right', 3)],
      triggerPoints: [tp('gastrocnemius', 'right'), tp('soleus', 'right'), tp('gastrocnemius', 'left'), tp('soleus', 'left', 'latent')],
    },
  },
  {
    id: 'abdomen_groin',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('lower_abdomen', 'right', 5), pain('groin', 'right', 4), pain('medial_thigh', 'right', 3)],
      triggerPoints: [tp('iliopsoas', 'right'), tp('rectus_abdominis', 'right'), tp('adductor_longus', 'right'), tp('abdominal_obliques', undefined, 'latent')],
    },
  },
  {
    id: 'shoulder_chest',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('anterior_shoulder', 'left', 6), pain('chest', 'left', 4), pain('lateral_shoulder', 'left', 4)],
      triggerPoints: [tp('pectoralis_major', 'left'), tp('pectoralis_minor', 'left'), tp('infraspinatus', 'left'), tp('deltoid', 'left', 'latent')],
    },
  },
  {
    id: 'jaw_headache',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('jaw_tmj', 'left', 5), pain('temple', 'left', 5), pain('occiput', 'left', 4)],
      triggerPoints: [tp('masseter', 'left'), tp('temporalis', 'left'), tp('lateral_pterygoid', 'left', 'latent'), tp('suboccipitals', undefined)],
    },
  },
  {
    id: 'hip_thigh_knee',
    data: {
      ...emptyAssessmentData(),
      painMap: [pain('lateral_hip', 'right', 5), pain('posterior_knee', 'right', 4), pain('medial_knee', 'right', 3)],
      triggerPoints: [tp('piriformis', 'right'), tp('tensor_fasciae_latae', 'right'), tp('biceps_femoris', 'right'), tp('popliteus', 'right', 'latent')],
    },
  },
];

export interface PlanPrecautionEvaluation {
  plans: number;
  targets: number;
  /** Plan rows (targets, techniques, pressures, home-program items) that contradict a precaution. */
  contradictingRows: number;
  /** Rows next to an endangerment site proposed above the endangerment pressure. */
  endangermentRowsAtDefaultPressure: number;
  /** Removed or capped by a precaution, over all plans: the work the effects did. */
  precautionActions: number;
  examples: { caseId: string; assessmentId: string; conflict: PrecautionAction }[];
}

export function evaluatePlanPrecautions(
  cases: readonly ScreeningCase[] = SCREENING_CASES,
  assessments: readonly { id: string; data: AssessmentData }[] = TYPICAL_ASSESSMENTS,
  effects: PrecautionEffectsFile = loadPrecautionEffects(),
  kb: KnowledgeBase = bundledKnowledgeBase,
): PlanPrecautionEvaluation {
  const nearSite = new Set(kb.muscles.filter((m) => m.endangermentSites.length > 0).map((m) => m.id));
  const result: PlanPrecautionEvaluation = {
    plans: 0,
    targets: 0,
    contradictingRows: 0,
    endangermentRowsAtDefaultPressure: 0,
    precautionActions: 0,
    examples: [],
  };
  for (const testCase of cases) {
    const flags = flagsFromScreening(screenPatient(testCase.answers, testCase.today));
    for (const { id, data } of assessments) {
      const plan = proposeTreatmentPlan({ assessment: data, today: testCase.today, precautions: [], flags }, kb, effects);
      const conflicts = findPrecautionConflicts({ targets: plan.targets, homeProgram: plan.homeProgram }, flags, [], effects, kb);
      result.plans += 1;
      result.targets += plan.targets.length;
      result.contradictingRows += conflicts.length;
      result.precautionActions += (plan.precautionActions ?? []).filter((a) => !a.ruleId.startsWith('caution:') && a.ruleId !== 'endangerment').length;
      result.endangermentRowsAtDefaultPressure += plan.targets
        .filter((t) => nearSite.has(t.muscleId))
        .flatMap((t) => t.techniques)
        .filter((d) => (d.parameters[PRESSURE_PARAMETER] ?? 0) > effects.endangerment.maxPressure).length;
      for (const conflict of conflicts.slice(0, Math.max(0, 5 - result.examples.length)))
        result.examples.push({ caseId: testCase.id, assessmentId: id, conflict });
    }
  }
  return result;
}
