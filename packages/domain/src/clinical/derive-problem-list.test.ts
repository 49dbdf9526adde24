import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { knowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { regions } from '../knowledge/regions.ts';
import type { BodyZone, Muscle } from '../knowledge/knowledge-schemas.ts';
import { AssessmentData, emptyAssessmentData } from './assessment-schemas.ts';
import { deriveProblemList, UNPLACED_REGION } from './derive-problem-list.ts';
import { deriveProblemListWith, type ProblemListKnowledge } from './derive-problem-list-with.ts';

const zone = (id: string, region: string, midline = false): BodyZone => ({
  id,
  label: { en: id, ar: id },
  midline,
  views: ['posterior'],
  region,
  sources: [{ citation: 'test fixture' }],
});
const muscle = (id: string, region: Muscle['region'], tpZone: string): Muscle => ({
  id,
  name: { en: id, ar: id },
  aliases: [],
  region,
  triggerPoints: [{ id: 'tp1', location: { en: 'x', ar: 'x' }, zone: tpZone }],
  referral: { primary: [tpZone], spillover: [] },
  complaints: [],
  techniques: ['ischemic_compression'],
  stretch: { en: 'x', ar: 'x' },
  cautions: [],
  endangermentSites: [],
  protocols: [],
  sources: [{ citation: 'test fixture' }],
});

const kb: KnowledgeBase = {
  bodyZones: [
    zone('temple', 'head_jaw'),
    zone('posterior_neck', 'neck'),
    zone('upper_trapezius_ridge', 'neck'),
    zone('low_back', 'lumbar'),
    zone('buttock', 'hip_pelvis'),
    zone('palmar_wrist_hand', 'forearm_hand'),
    zone('lateral_shoulder', 'shoulder'),
  ],
  muscles: [
    muscle('upper_trapezius', 'neck', 'upper_trapezius_ridge'),
    muscle('quadratus_lumborum', 'trunk', 'low_back'),
    muscle('piriformis', 'hip_pelvis', 'buttock'),
    muscle('unplaced_muscle', 'arm', 'no_such_zone'),
  ],
  protocols: [],
  techniques: [],
  selfCare: [],
};

const assessment = (patch: Partial<AssessmentData>): AssessmentData => ({ ...emptyAssessmentData(), ...patch });

describe('deriveProblemList', () => {
  it('returns nothing for an empty assessment', () => {
    expect(deriveProblemList(emptyAssessmentData(), kb)).toEqual([]);
  });

  it('groups findings by region and puts the most painful region first', () => {
    const problems = deriveProblemList(
      assessment({
        painMap: [
          { zone: 'low_back', intensity: 4 },
          { zone: 'posterior_neck', side: 'right', intensity: 6 },
          { zone: 'upper_trapezius_ridge', side: 'right', intensity: 3 },
        ],
      }),
      kb,
    );
    expect(problems.map((p) => [p.id, p.priority, p.score])).toEqual([
      ['derived-neck', 1, 6.5], // worst 6 + one more area × 0.5
      ['derived-lumbar', 2, 4],
    ]);
    expect(problems[0]).toMatchObject({
      title: 'Neck, right',
      source: 'derived',
      region: 'neck',
      zones: [
        { zone: 'posterior_neck', side: 'right' },
        { zone: 'upper_trapezius_ridge', side: 'right' },
      ],
      reason: { en: 'Pain up to 6/10 in 2 areas' },
    });
    expect(problems[0]?.label.ar).toBe('الرقبة (يمين)');
    expect(problems[1]?.title).toBe('Low back');
  });

  it('weighs an active trigger point reproducing familiar pain above an active one, and active above latent', () => {
    const tp = (muscleId: string, activity: 'active' | 'latent', reproducesFamiliarPain: boolean) => ({ muscleId, activity, reproducesFamiliarPain });
    const problems = deriveProblemList(
      assessment({
        triggerPoints: [tp('piriformis', 'latent', false), tp('upper_trapezius', 'active', true), tp('quadratus_lumborum', 'active', false)],
      }),
      kb,
    );
    expect(problems.map((p) => [p.region, p.score])).toEqual([
      ['neck', 4],
      ['lumbar', 2.5],
      ['hip_pelvis', 0.5],
    ]);
    expect(problems[0]?.reason.en).toBe('1 active trigger point reproducing familiar pain');
    // The trigger point's zone is where the muscle is treated.
    expect(problems[0]?.zones).toEqual([{ zone: 'upper_trapezius_ridge' }]);
  });

  it('weighs nerve findings by their signs and lost function by the test result', () => {
    const problems = deriveProblemList(
      assessment({
        painMap: [{ zone: 'temple', side: 'left', intensity: 5 }],
        nerveFindings: [{ nerve: 'median', site: 'carpal_tunnel', side: 'right', signs: ['paraesthesia', 'night_symptoms', 'tinel_positive'] }],
        biomechanics: [
          { test: 'shoulder_abduction', side: 'right', result: 'painful' },
          { test: 'shoulder_abduction', side: 'left', result: 'normal' },
        ],
      }),
      kb,
    );
    expect(problems.map((p) => [p.region, p.score])).toEqual([
      ['head_jaw', 5],
      ['forearm_hand', 4], // nerve 3 + two further signs × 0.5
      ['shoulder', 2], // painful test; the normal one counts for nothing
    ]);
    expect(problems[1]).toMatchObject({
      title: 'Forearm and hand, right',
      zones: [{ zone: 'palmar_wrist_hand', side: 'right' }],
      reason: { en: '1 nerve entrapment or compression finding' },
    });
  });

  it('collects findings it cannot place under "other findings", naming them', () => {
    const problems = deriveProblemList(
      assessment({
        nerveFindings: [{ nerve: 'saphenous', site: 'adductor canal', signs: ['numbness'] }],
        biomechanics: [{ test: 'Slump test', result: 'restricted' }],
      }),
      kb,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ region: UNPLACED_REGION, score: 4.5, zones: [], title: 'Other findings' });
    expect(problems[0]?.reason.en).toContain('not placed on the chart: saphenous (adductor canal), Slump test');
  });

  it('falls back to the muscle region when its trigger-point zone is unknown, and humanises unknown region ids', () => {
    const problems = deriveProblemList(assessment({ tautBands: [{ muscleId: 'unplaced_muscle' }] }), kb);
    expect(problems.map((p) => [p.region, p.title, p.score])).toEqual([['arm', 'Arm', 0.5]]);
    const odd: KnowledgeBase = { ...kb, bodyZones: [zone('temple', 'upper_head_area')] };
    expect(deriveProblemList(assessment({ painMap: [{ zone: 'temple', intensity: 2 }] }), odd)[0]?.title).toBe('Upper head area');
  });

  it('orders equal scores by region id so the list is deterministic', () => {
    const data = assessment({
      painMap: [
        { zone: 'low_back', intensity: 3 },
        { zone: 'buttock', side: 'left', intensity: 3 },
        { zone: 'temple', side: 'right', intensity: 3 },
      ],
    });
    const first = deriveProblemList(data, kb).map((p) => p.region);
    expect(first).toEqual(['head_jaw', 'hip_pelvis', 'lumbar']);
    expect(deriveProblemList({ ...data, painMap: [...data.painMap].reverse() }, kb).map((p) => p.region)).toEqual(first);
  });

  it('names both sides when a region hurts on both', () => {
    const [problem] = deriveProblemList(
      assessment({
        painMap: [
          { zone: 'posterior_neck', side: 'right', intensity: 2 },
          { zone: 'posterior_neck', side: 'left', intensity: 7 },
        ],
        tenderAreas: [{ zone: 'upper_trapezius_ridge', side: 'left', ischemic: true }],
      }),
      kb,
    );
    expect(problem?.title).toBe('Neck');
    expect(problem?.zones[0]).toEqual({ zone: 'posterior_neck', side: 'left' });
    expect(problem?.reason.en).toBe('Pain up to 7/10 in 2 areas; 1 ischemic tender area');
    expect(problem?.score).toBe(7 + 0.5 + 1.25);
  });

  it('lists each zone once: an unsided finding does not repeat a zone already named on a side', () => {
    const [problem] = deriveProblemList(
      assessment({
        tenderAreas: [{ zone: 'posterior_neck', ischemic: false }],
        painMap: [{ zone: 'posterior_neck', side: 'right', intensity: 4 }],
        biomechanics: [{ test: 'cervical_rotation', result: 'restricted' }],
      }),
      kb,
    );
    expect(problem?.zones).toEqual([{ zone: 'posterior_neck', side: 'right' }]);
    expect(problem?.title).toBe('Neck'); // the unsided test may concern either side
  });

  it('produces problems that fit the assessment schema', () => {
    const data = assessment({
      painMap: [{ zone: 'posterior_neck', side: 'right', intensity: 6 }],
      triggerPoints: [{ muscleId: 'upper_trapezius', side: 'right', activity: 'active', reproducesFamiliarPain: true }],
    });
    const problems = deriveProblemList(data, kb).map(({ region: _r, score: _s, label: _l, reason, ...problem }) => ({ ...problem, notes: reason.en }));
    expect(Value.Check(AssessmentData, { ...data, problems })).toBe(true);
  });
});

describe('AssessmentData schema', () => {
  it('rejects an intensity above 10, an unknown activity and extra fields', () => {
    expect(Value.Check(AssessmentData, emptyAssessmentData())).toBe(true);
    expect(Value.Check(AssessmentData, assessment({ painMap: [{ zone: 'temple', intensity: 11 }] }))).toBe(false);
    expect(Value.Check(AssessmentData, assessment({ painMap: [{ zone: 'temple', intensity: 2.5 }] }))).toBe(false);
    const badTp = { muscleId: 'upper_trapezius', activity: 'sleeping', reproducesFamiliarPain: false };
    expect(Value.Check(AssessmentData, { ...emptyAssessmentData(), triggerPoints: [badTp] })).toBe(false);
    expect(Value.Check(AssessmentData, { ...emptyAssessmentData(), extra: 1 })).toBe(false);
    expect(Value.Check(AssessmentData, assessment({ summary: 'x'.repeat(10_001) }))).toBe(false);
    expect(Value.Check(AssessmentData, assessment({ posture: [{ finding: 'Forward head', notes: 'x'.repeat(2001) }] }))).toBe(false);
  });

  it('limits lists to 200 entries', () => {
    const marks = Array.from({ length: 201 }, () => ({ zone: 'temple', side: 'left' as const, intensity: 1 }));
    expect(Value.Check(AssessmentData, assessment({ painMap: marks.slice(0, 200) }))).toBe(true);
    expect(Value.Check(AssessmentData, assessment({ painMap: marks }))).toBe(false);
  });

  it('gives the browser, which has only what GET /api/body-zones and /api/muscles send and the regions file, the same list', () => {
    // The web app's lookup (features/clinical/lib/clinical-lookup.tsx): each muscle's region and the zone of its first trigger point.
    const slim: ProblemListKnowledge = {
      bodyZones: knowledgeBase.bodyZones.map(({ id, region }) => ({ id, region })),
      muscles: knowledgeBase.muscles.map((m) => ({ id: m.id, region: m.region, triggerPoints: m.triggerPoints.slice(0, 1).map(({ zone }) => ({ zone })) })),
      regions,
    };
    const data = assessment({
      painMap: [
        { zone: 'low_back', intensity: 4 },
        { zone: 'posterior_neck', side: 'right', intensity: 6 },
      ],
      triggerPoints: knowledgeBase.muscles
        .slice(0, 12)
        .map((m, i) => ({ muscleId: m.id, activity: i % 2 ? 'active' : 'latent', reproducesFamiliarPain: i % 3 === 0 })),
    });
    const full = deriveProblemList(data);
    expect(full.length).toBeGreaterThan(1);
    expect(deriveProblemListWith(data, slim)).toEqual(full);
  });
});
