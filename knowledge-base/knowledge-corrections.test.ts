import { describe, expect, it } from 'vitest';
import { emptyAssessmentData, type AssessmentData } from '../packages/domain/src/clinical/assessment-schemas.ts';
import { rankSourceMuscles } from '../packages/domain/src/clinical/rank-source-muscles.ts';
import type { PainMark } from '../packages/domain/src/clinical/source-finder-types.ts';
import { knowledgeBase } from '../packages/domain/src/knowledge/knowledge-base.ts';
import { proposeTreatmentPlan } from '../packages/domain/src/treatment/propose-treatment-plan.ts';
import contraindications from './screening/contraindications.json' with { type: 'json' };

/**
 * Regression tests for the knowledge-base corrections of issue 9, each checked against Travell &
 * Simons (2nd ed.) as cited in the muscle's sources. Each asserts the corrected fact.
 */
const muscle = (id: string) => {
  const found = knowledgeBase.muscles.find((m) => m.id === id);
  if (!found) throw new Error(`no muscle ${id}`);
  return found;
};
const order = (zones: PainMark[]) => [...new Set(rankSourceMuscles({ zones, limit: 40 }).map((c) => c.muscleId))];
const rankOf = (ranked: string[], id: string) => (ranked.includes(id) ? ranked.indexOf(id) : Infinity);
const plan = (painMap: AssessmentData['painMap'], palpated: string[] = []) =>
  proposeTreatmentPlan({
    assessment: {
      ...emptyAssessmentData(),
      painMap,
      // Plans treat what the assessment supports: a palpated active trigger point always makes a row.
      triggerPoints: palpated.map((muscleId) => ({ muscleId, side: 'left' as const, activity: 'active' as const, reproducesFamiliarPain: true })),
    },
    today: '2026-12-01',
    precautions: [],
  });

describe('knowledge-base corrections (issue 9)', () => {
  it('stretches fibularis brevis in dorsiflexion with inversion, like the longus (TS2 ch. 20)', () => {
    for (const id of ['fibularis_brevis', 'fibularis_longus']) {
      expect(muscle(id).stretch.en, id).toMatch(/dorsiflexion with inversion/);
      expect(muscle(id).stretch.en, id).not.toMatch(/inversion with plantar flexion|plantar flexion with inversion/);
    }
    // Only the tertius, a dorsiflexor, lengthens with the foot pointed.
    expect(muscle('fibularis_tertius').stretch.en).toMatch(/plantar flexion with inversion/);
  });

  it('gives the scalenes the front and back of the shoulder as primary zones (TS1 ch. 20)', () => {
    expect(muscle('scalenes').referral.primary).toEqual(expect.arrayContaining(['anterior_shoulder', 'posterior_shoulder']));
  });

  it('gives adductor longus the front of the knee as a primary zone (TS2 ch. 15)', () => {
    expect(muscle('adductor_longus').referral.primary).toContain('anterior_knee');
  });

  it('has the sternalis that the thoracic protocol names, and finds it for breastbone pain (TS1 ch. 43)', () => {
    const thoracic = knowledgeBase.protocols.find((p) => p.id === 'thoracic');
    expect(thoracic?.steps.some((step) => /sternalis/i.test(step.en))).toBe(true);
    expect(thoracic?.muscles).toContain('sternalis');
    expect(muscle('sternalis').referral.primary).toEqual(['sternum']);
    expect(order([{ zone: 'sternum' }]).slice(0, 5)).toContain('sternalis');
  });

  it('names every muscle that a protocol step mentions by its English name', () => {
    const problems: string[] = [];
    for (const protocol of knowledgeBase.protocols) {
      const text = protocol.steps.map((step) => step.en.toLowerCase()).join(' ');
      for (const m of knowledgeBase.muscles) {
        const name = m.name.en.toLowerCase();
        if (text.includes(name) && !protocol.muscles.includes(m.id) && m.protocols.includes(protocol.id)) problems.push(`${protocol.id}: ${m.id}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('does not rank the digastric above upper trapezius or levator scapulae for neck-shoulder-angle pain (TS1 ch. 12)', () => {
    const maps: PainMark[][] = [
      [
        { zone: 'lateral_neck', side: 'right' },
        { zone: 'upper_trapezius_ridge', side: 'right' },
      ],
      [
        { zone: 'posterior_neck', side: 'right' },
        { zone: 'lateral_neck', side: 'right' },
        { zone: 'upper_trapezius_ridge', side: 'right' },
      ],
    ];
    for (const zones of maps) {
      const ranked = order(zones);
      expect(rankOf(ranked, 'upper_trapezius'), JSON.stringify(ranked)).toBeLessThan(rankOf(ranked, 'digastric'));
      expect(rankOf(ranked, 'levator_scapulae'), JSON.stringify(ranked)).toBeLessThan(rankOf(ranked, 'digastric'));
    }
    // Side of the neck alone: upper trapezius before the digastric, whose primary zone is behind the ear.
    const lateral = order([{ zone: 'lateral_neck' }]);
    expect(rankOf(lateral, 'upper_trapezius')).toBeLessThan(rankOf(lateral, 'digastric'));
    expect(muscle('digastric').referral.primary).not.toContain('lateral_neck');
    expect(order([{ zone: 'mastoid' }]).slice(0, 3)).toContain('digastric');
  });

  it('flags longus colli as having no Travell & Simons map, by the carotid, never proposed at default pressure', () => {
    const longusColli = muscle('longus_colli');
    expect(longusColli.referralMap?.status).toBe('none_in_travell_simons');
    expect(longusColli.endangermentSites).toContain('anterior_triangle_neck');
    const site = contraindications.endangermentSites.find((s) => s.id === 'anterior_triangle_neck');
    expect(site?.structures.en).toMatch(/carotid/i);
    // Not proposed from a pain map, even for front-of-neck pain...
    expect(order([{ zone: 'anterior_neck', intensity: 8 }])).not.toContain('longus_colli');
    // ...but still found when the therapist palpates it.
    const palpated = rankSourceMuscles({ zones: [], palpatedTriggerPoints: [{ muscleId: 'longus_colli', activity: 'active' }] });
    expect(palpated.map((c) => c.muscleId)).toEqual(['longus_colli']);
    // The cervical protocol still lists it: the plan caps its pressure below every default.
    // ...nor made a treatment row from the pain map alone...
    const fromMap = plan([
      { zone: 'anterior_neck', intensity: 7 },
      { zone: 'posterior_neck', intensity: 7 },
    ]);
    expect(fromMap.targets.map((t) => t.muscleId)).not.toContain('longus_colli');
    // ...and when palpated, it is planned below every technique's default pressure.
    const cervical = plan(
      [
        { zone: 'anterior_neck', intensity: 7 },
        { zone: 'posterior_neck', intensity: 7 },
      ],
      ['longus_colli'],
    );
    const target = cervical.targets.find((t) => t.muscleId === 'longus_colli');
    expect(target).toBeDefined();
    const defaults = knowledgeBase.techniques.flatMap((t) => t.parameters.filter((p) => p.id === 'pressure').map((p) => p.default));
    for (const dose of target?.techniques ?? []) {
      const pressure = dose.parameters['pressure'];
      if (pressure === undefined) continue;
      expect(pressure).toBeLessThanOrEqual(longusColli.maxPressure ?? 0);
      expect(pressure).toBeLessThan(Math.min(...defaults));
    }
  });

  it('never offers spray-and-stretch for the face and jaw, as its own caution says', () => {
    const spray = knowledgeBase.techniques.find((t) => t.id === 'spray_and_stretch');
    expect(spray?.cautions.some((c) => /face/.test(c.en))).toBe(true);
    expect(spray?.avoidRegions).toContain('head_jaw');
    for (const technique of knowledgeBase.techniques) {
      const listed = knowledgeBase.muscles.filter((m) => technique.avoidRegions?.includes(m.region) && m.techniques.includes(technique.id));
      expect(
        listed.map((m) => m.id),
        technique.id,
      ).toEqual([]);
    }
    const jaw = plan(
      [
        { zone: 'jaw_tmj', side: 'left', intensity: 7 },
        { zone: 'temple', side: 'left', intensity: 5 },
        { zone: 'teeth', side: 'left', intensity: 4 },
      ],
      ['masseter', 'temporalis', 'lateral_pterygoid'],
    );
    const faceTargets = jaw.targets.filter((t) => muscle(t.muscleId).region === 'head_jaw');
    expect(faceTargets.length).toBeGreaterThan(2);
    for (const target of faceTargets)
      expect(
        target.techniques.map((t) => t.techniqueId),
        target.muscleId,
      ).not.toContain('spray_and_stretch');
  });

  it('has primary and spillover the right way round for tibialis anterior, gluteus minimus and piriformis', () => {
    // TS2 ch. 19: essential zone the anteromedial ankle and great toe; the shin is spillover.
    expect(muscle('tibialis_anterior').referral).toMatchObject({ primary: ['dorsal_foot', 'toes'] });
    expect(muscle('tibialis_anterior').referral.spillover).toContain('anterior_shin');
    // TS2 ch. 9: essential zones the buttock and thigh; below the knee is spillover.
    expect(muscle('gluteus_minimus').referral.primary).toContain('buttock');
    expect(muscle('gluteus_minimus').referral.spillover).toEqual(expect.arrayContaining(['calf', 'lateral_leg']));
    for (const tp of muscle('gluteus_minimus').triggerPoints) expect(tp.primaryZones ?? []).not.toContain('calf');
    // TS2 ch. 10: essential zones the sacroiliac region and buttock; the posterior thigh is spillover.
    expect(muscle('piriformis').referral).toEqual({ primary: ['sacrum_si_joint', 'buttock'], spillover: ['posterior_thigh'] });
  });
});
