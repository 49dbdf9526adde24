import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { BodyZone, Muscle } from '../knowledge/knowledge-schemas.ts';
import { explainZone, rankSourceMuscles, searchMuscles, UnknownMuscleError, UnknownZoneError, type SourceCandidate } from './rank-source-muscles.ts';

// A small, made-up knowledge base: the tests check the rules, not the clinical data.
const zone = (id: string, midline = false): BodyZone => ({
  id,
  label: { en: id.charAt(0).toUpperCase() + id.slice(1).replaceAll('_', ' '), ar: `منطقة ${id}` },
  midline,
  views: ['anterior'],
  region: 'test',
  sources: [{ citation: 'fixture data' }],
});

const muscle = (id: string, primary: string[], spillover: string[] = [], extra: Partial<Muscle> = {}): Muscle => ({
  id,
  name: { en: id.replaceAll('_', ' '), ar: `عضلة ${id}` },
  aliases: [],
  region: 'neck',
  triggerPoints: [{ id: `${id}_tp`, location: { en: 'middle', ar: 'الوسط' }, zone: primary[0] ?? 'temple' }],
  referral: { primary, spillover },
  complaints: [],
  techniques: ['ischemic_compression'],
  stretch: { en: 'stretch', ar: 'إطالة' },
  cautions: [],
  endangermentSites: [],
  protocols: [],
  sources: [{ citation: 'fixture data' }],
  ...extra,
});

const fixture = (muscles: Muscle[]): KnowledgeBase => ({
  bodyZones: ['temple', 'posterior_neck', 'jaw_tmj', 'teeth', 'ear', 'low_back', 'upper_abdomen', 'buttock']
    .map((id) => zone(id))
    .concat([zone('forehead', true), zone('sternum', true)]),
  muscles,
  protocols: [],
  techniques: [],
  selfCare: [],
});

const kb = fixture([
  muscle('neck_shoulder', ['posterior_neck', 'temple'], ['jaw_tmj'], { aliases: ['Upper trap'] }),
  muscle('temple_jaw', ['temple', 'teeth']),
  muscle('jaw_closer', ['jaw_tmj', 'teeth'], ['ear'], { name: { en: 'Jaw closer', ar: 'العضلة الماضغة الأمامية' } }),
  muscle('front_neck', ['forehead', 'ear'], ['temple']),
  muscle('breathing_sheet', ['low_back'], ['upper_abdomen'], { bilateralReferral: true }),
  muscle('lumbar_block', ['low_back', 'buttock']),
]);

const ids = (candidates: SourceCandidate[]) => candidates.map((c) => (c.side ? `${c.muscleId}:${c.side}` : c.muscleId));

describe('rankSourceMuscles', () => {
  it('ranks a primary-zone match above a spillover match', () => {
    const ranked = rankSourceMuscles({ zones: [{ zone: 'jaw_tmj' }] }, kb);
    expect(ids(ranked)).toEqual(['jaw_closer', 'neck_shoulder']);
    expect(ranked[0]?.matchedZones).toEqual([{ zone: 'jaw_tmj', relation: 'primary' }]);
    expect(ranked[1]?.matchedZones).toEqual([{ zone: 'jaw_tmj', relation: 'spillover' }]);
    expect(ranked[1]?.why.en).toContain('spillover');
  });

  it('prefers the muscle that explains every marked area', () => {
    const ranked = rankSourceMuscles({ zones: [{ zone: 'temple' }, { zone: 'posterior_neck' }] }, kb);
    expect(ranked[0]?.muscleId).toBe('neck_shoulder');
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
    expect(ranked[0]?.why.en).toContain('the two areas you marked');
    expect(ranked.find((c) => c.muscleId === 'temple_jaw')?.why.en).toContain('one of the two areas');
  });

  it('points right-sided pain to right-sided muscles only', () => {
    const ranked = rankSourceMuscles(
      {
        zones: [
          { zone: 'temple', side: 'right' },
          { zone: 'posterior_neck', side: 'right' },
        ],
      },
      kb,
    );
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((c) => c.side === 'right')).toBe(true);
    expect(ranked[0]?.why.en).toMatch(/on the right/);
    expect(ranked[0]?.matchedZones.every((m) => m.side === 'right')).toBe(true);
  });

  it('gives one candidate per side when both sides hurt, each explained by its own side', () => {
    const ranked = rankSourceMuscles(
      {
        zones: [
          { zone: 'temple', side: 'left' },
          { zone: 'posterior_neck', side: 'right' },
          { zone: 'temple', side: 'right' },
        ],
      },
      kb,
    );
    const right = ranked.find((c) => c.muscleId === 'neck_shoulder' && c.side === 'right');
    const left = ranked.find((c) => c.muscleId === 'neck_shoulder' && c.side === 'left');
    expect(right?.matchedZones.map((m) => m.zone).sort()).toEqual(['posterior_neck', 'temple']);
    expect(left?.matchedZones).toEqual([{ zone: 'temple', side: 'left', relation: 'primary' }]);
    expect(ids(ranked).indexOf('neck_shoulder:right')).toBeLessThan(ids(ranked).indexOf('neck_shoulder:left'));
  });

  it('lets midline pain come from either side, and says so', () => {
    const alone = rankSourceMuscles({ zones: [{ zone: 'forehead' }] }, kb);
    expect(alone[0]).toMatchObject({ muscleId: 'front_neck', matchedZones: [{ zone: 'forehead', relation: 'primary' }] });
    expect(alone[0]?.side).toBeUndefined();
    expect(alone[0]?.why.en).toContain('either side');

    // A side given for a midline zone is ignored: the forehead has no side.
    const both = rankSourceMuscles(
      {
        zones: [
          { zone: 'forehead', side: 'left' },
          { zone: 'ear', side: 'right' },
          { zone: 'ear', side: 'left' },
        ],
      },
      kb,
    );
    const sides = both.filter((c) => c.muscleId === 'front_neck').map((c) => c.side);
    expect(sides).toEqual(['left', 'right']);
    expect(both.find((c) => c.muscleId === 'front_neck')?.why.en).toContain('midline');
  });

  it('matches a muscle with bilateral referral to pain on either side, once', () => {
    const ranked = rankSourceMuscles(
      {
        zones: [
          { zone: 'low_back', side: 'left' },
          { zone: 'low_back', side: 'right' },
        ],
      },
      kb,
    );
    const sheet = ranked.filter((c) => c.muscleId === 'breathing_sheet');
    expect(sheet).toHaveLength(1);
    expect(sheet[0]?.side).toBeUndefined();
    expect(sheet[0]?.matchedZones).toHaveLength(2);
    expect(sheet[0]?.why.en).toContain('both sides');
    // An ordinary muscle is considered on each side, each explaining half of the map.
    expect(ranked.filter((c) => c.muscleId === 'lumbar_block').map((c) => c.side)).toEqual(['left', 'right']);
  });

  it('raises a palpated muscle, an active familiar trigger point most', () => {
    const zones = [{ zone: 'temple' }];
    const plain = rankSourceMuscles({ zones }, kb);
    const last = plain.at(-1);
    expect(last?.muscleId).toBe('front_neck'); // spillover only
    const score = (activity: 'active' | 'latent', reproducesFamiliarPain: boolean) =>
      rankSourceMuscles({ zones, palpatedTriggerPoints: [{ muscleId: 'front_neck', activity, reproducesFamiliarPain }] }, kb).find(
        (c) => c.muscleId === 'front_neck',
      )?.score ?? 0;
    expect(score('latent', false)).toBeGreaterThan(last?.score ?? 1);
    expect(score('active', false)).toBeGreaterThan(score('latent', false));
    expect(score('active', true)).toBeGreaterThan(score('active', false));

    const raised = rankSourceMuscles({ zones, palpatedTriggerPoints: [{ muscleId: 'temple_jaw', activity: 'active', reproducesFamiliarPain: true }] }, kb);
    expect(raised[0]?.muscleId).toBe('temple_jaw');
    expect(raised[0]?.why.en).toContain('An active trigger point that reproduces the familiar pain was palpated here.');
  });

  it('applies a palpation finding only to its own side', () => {
    const ranked = rankSourceMuscles(
      { zones: [{ zone: 'temple', side: 'right' }], palpatedTriggerPoints: [{ muscleId: 'temple_jaw', side: 'left', activity: 'active' }] },
      kb,
    );
    const right = ranked.find((c) => c.muscleId === 'temple_jaw' && c.side === 'right');
    const left = ranked.find((c) => c.muscleId === 'temple_jaw' && c.side === 'left');
    expect(right?.why.en).not.toContain('palpated');
    expect(left?.matchedZones).toEqual([]);
    expect(left?.why.en).toMatch(/^Palpated: an active trigger point was found/);
  });

  it('lists a palpated muscle whose pattern misses the map, with a modest score', () => {
    const ranked = rankSourceMuscles(
      { zones: [{ zone: 'temple' }], palpatedTriggerPoints: [{ muscleId: 'lumbar_block', activity: 'active', reproducesFamiliarPain: true }] },
      kb,
    );
    const palpated = ranked.find((c) => c.muscleId === 'lumbar_block');
    expect(palpated?.matchedZones).toEqual([]);
    expect(palpated?.score).toBeGreaterThan(0);
    expect(palpated?.score).toBeLessThanOrEqual(0.3);
    expect(palpated?.why.en).toContain('palpated'.replace('p', 'P'));
    expect(palpated?.why.en).toContain('does not cover the areas you marked');
  });

  it('lists palpated muscles even with no pain map', () => {
    const ranked = rankSourceMuscles({ zones: [], palpatedTriggerPoints: [{ muscleId: 'jaw_closer', side: 'left', activity: 'latent' }] }, kb);
    expect(ranked).toMatchObject([{ muscleId: 'jaw_closer', side: 'left', matchedZones: [] }]);
    expect(rankSourceMuscles({ zones: [] }, kb)).toEqual([]);
  });

  it('weights the marks by intensity', () => {
    const kbEven = fixture([muscle('a_temple', ['temple']), muscle('b_neck', ['posterior_neck'])]);
    const temple = rankSourceMuscles(
      {
        zones: [
          { zone: 'temple', intensity: 9 },
          { zone: 'posterior_neck', intensity: 2 },
        ],
      },
      kbEven,
    );
    const neck = rankSourceMuscles(
      {
        zones: [
          { zone: 'temple', intensity: 2 },
          { zone: 'posterior_neck', intensity: 9 },
        ],
      },
      kbEven,
    );
    expect(ids(temple)).toEqual(['a_temple', 'b_neck']);
    expect(ids(neck)).toEqual(['b_neck', 'a_temple']);
  });

  it('counts a zone that few muscles refer to for more than a common one', () => {
    const kbSpread = fixture([muscle('a_common', ['temple']), muscle('b_rare', ['ear']), muscle('c_other', ['temple']), muscle('d_other', ['temple'])]);
    const ranked = rankSourceMuscles({ zones: [{ zone: 'temple' }, { zone: 'ear' }] }, kbSpread);
    expect(ranked[0]?.muscleId).toBe('b_rare');
  });

  it('prefers, all else equal, the muscle whose trigger point lies under the pain', () => {
    const away = muscle('a_away', ['temple'], [], { triggerPoints: [{ id: 'a_tp', location: { en: 'neck', ar: 'الرقبة' }, zone: 'posterior_neck' }] });
    const under = muscle('b_under', ['temple'], [], { triggerPoints: [{ id: 'b_tp', location: { en: 'temple', ar: 'الصدغ' }, zone: 'temple' }] });
    const ranked = rankSourceMuscles({ zones: [{ zone: 'temple' }] }, fixture([away, under]));
    expect(ids(ranked)).toEqual(['b_under', 'a_away']);
    expect(ranked[0]?.why.en).toContain('trigger point under the temple');
  });

  it('throws UnknownZoneError naming every unknown zone', () => {
    const call = () => rankSourceMuscles({ zones: [{ zone: 'temple' }, { zone: 'elbow_pit' }, { zone: 'nose' }, { zone: 'nose' }] }, kb);
    expect(call).toThrow(UnknownZoneError);
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownZoneError);
      expect((error as UnknownZoneError).zones).toEqual(['elbow_pit', 'nose']);
      expect((error as UnknownZoneError).code).toBe('unknown_zone');
    }
  });

  it('throws UnknownMuscleError for a palpation finding on an unknown muscle', () => {
    expect(() => rankSourceMuscles({ zones: [], palpatedTriggerPoints: [{ muscleId: 'nope', activity: 'active' }] }, kb)).toThrow(UnknownMuscleError);
  });

  it('breaks ties by muscle id, whatever the order of data and marks', () => {
    const twins = [muscle('zeta', ['temple', 'teeth']), muscle('alpha', ['temple', 'teeth']), muscle('mid', ['teeth', 'temple'])];
    const marks = [{ zone: 'teeth' }, { zone: 'temple' }];
    const first = rankSourceMuscles({ zones: marks }, fixture(twins));
    expect(ids(first)).toEqual(['alpha', 'mid', 'zeta']);
    expect(ids(rankSourceMuscles({ zones: [...marks].reverse() }, fixture([...twins].reverse())))).toEqual(ids(first));
    expect(rankSourceMuscles({ zones: marks }, fixture(twins))).toEqual(first);
  });

  it('returns at most `limit` candidates, 10 by default', () => {
    const many = fixture(Array.from({ length: 14 }, (_, i) => muscle(`m${String(i).padStart(2, '0')}`, ['temple'])));
    expect(rankSourceMuscles({ zones: [{ zone: 'temple' }] }, many)).toHaveLength(10);
    expect(ids(rankSourceMuscles({ zones: [{ zone: 'temple' }], limit: 2 }, many))).toEqual(['m00', 'm01']);
    expect(rankSourceMuscles({ zones: [{ zone: 'temple' }], limit: 0 }, many)).toEqual([]);
  });

  it('keeps scores in 0..1 with three decimals, and writes an Arabic why too', () => {
    const ranked = rankSourceMuscles(
      { zones: [{ zone: 'temple', intensity: 10 }], palpatedTriggerPoints: [{ muscleId: 'temple_jaw', activity: 'active', reproducesFamiliarPain: true }] },
      kb,
    );
    for (const c of ranked) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(Math.round(c.score * 1000) / 1000).toBe(c.score);
      expect(c.why.ar).toMatch(/[\u0600-\u06ff]/);
    }
  });
});

describe('searchMuscles', () => {
  it('finds by id, name, alias and Arabic name, ignoring case and spelling variants', () => {
    expect(searchMuscles('JAW_CLOSER', kb).map((m) => m.id)).toEqual(['jaw_closer']);
    expect(searchMuscles('upper trap', kb).map((m) => m.id)).toEqual(['neck_shoulder']);
    expect(searchMuscles('الماضغه', kb).map((m) => m.id)).toEqual(['jaw_closer']);
    expect(searchMuscles('neck', kb).map((m) => m.id)).toEqual(['neck_shoulder', 'front_neck']);
    expect(searchMuscles('   ', kb)).toEqual([]);
  });
});

describe('explainZone', () => {
  it('lists the muscles that refer to a zone, primary first', () => {
    const explained = explainZone('temple', kb);
    expect(explained.muscles.map((m) => [m.muscleId, m.relation])).toEqual([
      ['neck_shoulder', 'primary'],
      ['temple_jaw', 'primary'],
      ['front_neck', 'spillover'],
    ]);
    expect(() => explainZone('nose', kb)).toThrow(UnknownZoneError);
  });
});

describe('rankSourceMuscles with vocabulary refinements, the prevalence prior and unmapped muscles', () => {
  const refined = (id: string, refines: string): BodyZone => ({ ...zone(id), refines, sinceVersion: 2 });
  const handKb: KnowledgeBase = {
    bodyZones: [zone('fingers'), refined('fingers_radial', 'fingers'), refined('fingers_ulnar', 'fingers'), zone('chest')],
    muscles: [muscle('ulnar_source', ['fingers_ulnar']), muscle('radial_source', ['fingers_radial']), muscle('whole_hand', ['fingers'])],
    protocols: [],
    techniques: [],
    selfCare: [],
  };

  it('reads a refined pattern on its coarse zone, and a coarse pattern on every refinement', () => {
    expect(ids(rankSourceMuscles({ zones: [{ zone: 'fingers' }] }, handKb)).sort()).toEqual(['radial_source', 'ulnar_source', 'whole_hand']);
    // The muscle whose pattern names the refined zone leads the one whose coarse zone contains it.
    expect(ids(rankSourceMuscles({ zones: [{ zone: 'fingers_ulnar' }] }, handKb))).toEqual(['ulnar_source', 'whole_hand']);
  });

  it('lets the prior order muscles that explain the pain equally, never lift one that explains less', () => {
    const twins: KnowledgeBase = {
      ...fixture([muscle('rare_twin', ['temple', 'teeth']), muscle('usual_twin', ['temple', 'teeth']), muscle('common_spill', ['ear'], ['temple'])]),
      musclePrevalence: [
        { muscleId: 'rare_twin', prevalence: 'uncommon', rationale: 'fixture: rarely the source', sources: [{ citation: 'fixture data' }] },
        { muscleId: 'common_spill', prevalence: 'common', rationale: 'fixture: often the source', sources: [{ citation: 'fixture data' }] },
      ],
    };
    // Without the prior the twins tie and the id decides; with it the usual one leads.
    expect(ids(rankSourceMuscles({ zones: [{ zone: 'temple' }] }, { ...twins, musclePrevalence: [] }))[0]).toBe('rare_twin');
    expect(ids(rankSourceMuscles({ zones: [{ zone: 'temple' }] }, twins))).toEqual(['usual_twin', 'rare_twin', 'common_spill']);
  });

  it('does not propose a muscle with no referral map from the pain map, only from palpation', () => {
    const unmapped = fixture([
      muscle('mapped', ['temple']),
      muscle('unmapped', ['temple'], [], { referralMap: { status: 'none_in_travell_simons', note: { en: 'no map', ar: 'لا خريطة' } } }),
    ]);
    expect(ids(rankSourceMuscles({ zones: [{ zone: 'temple' }] }, unmapped))).toEqual(['mapped']);
    const palpated = rankSourceMuscles({ zones: [{ zone: 'temple' }], palpatedTriggerPoints: [{ muscleId: 'unmapped', activity: 'active' }] }, unmapped);
    expect(ids(palpated)).toContain('unmapped');
  });
});
