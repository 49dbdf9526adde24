import type { Localized, Region } from '../knowledge/knowledge-schemas.ts';
import { COMMON_BIOMECHANICAL_TESTS, COMMON_NERVE_SITES, type AssessmentData, type Problem, type ProblemZone, type Side } from './assessment-schemas.ts';

/**
 * The prioritised problem list: the assessment's findings grouped by body region, the region
 * needing most attention first. Priority weighs, per region:
 *   pain        the worst intensity (0-10), plus a little for each further painful area;
 *   trigger points, an active one that reproduces the familiar pain most (it is the diagnostic
 *               finding, Travell & Simons ch. 2), then active, then latent (tender only);
 *   nerve findings, because entrapment signs change what may be done there (clinical reference §5.2);
 *   lost function: restricted or painful range-of-motion and muscle-length tests;
 *   taut bands and tender (ischemic) areas, a little.
 * The weights are a clinical convention of this practice, kept together in PROBLEM_WEIGHTS.
 */
export const PROBLEM_WEIGHTS = {
  /** Per further marked area beyond the worst one, at most `painBreadthCap` areas. */
  painBreadth: 0.5,
  painBreadthCap: 4,
  /** A "latent" point that reproduces the familiar pain is active by definition (T&S), so it counts as active. */
  triggerPoint: { activeFamiliar: 4, active: 2.5, latent: 0.5 },
  nerve: 3,
  /** Per reported sign beyond the first, at most `nerveSignCap` signs. */
  nerveSign: 0.5,
  nerveSignCap: 4,
  biomechanics: { painful: 2, restricted: 1.5, hypermobile: 1, normal: 0 },
  tautBand: 0.5,
  tenderArea: 0.75,
  ischemicArea: 1.25,
} as const;

/** Findings that cannot be placed in a body region (free-text tests or nerve sites). */
export const UNPLACED_REGION = 'other';

export interface DerivedProblem extends Problem {
  source: 'derived';
  region: string;
  /** The unrounded weight behind the priority. */
  score: number;
  /** Title and reason in both languages; `title` is the English one. */
  label: Localized;
  reason: Localized;
}

interface RegionTally {
  region: string;
  zones: Map<string, ProblemZone & { weight: number }>;
  sides: Set<Side | 'none'>;
  painIntensities: number[];
  activeFamiliar: number;
  active: number;
  latent: number;
  nerves: number;
  nerveSigns: number;
  painfulTests: number;
  restrictedTests: number;
  hypermobileTests: number;
  tautBands: number;
  tenderAreas: number;
  ischemicAreas: number;
  unplacedLabels: string[];
}

/**
 * What the problem list needs from the knowledge base: each zone's region, each muscle's region and
 * the zone of its first trigger point, and the regions' names. The browser builds it from the API
 * (GET /api/body-zones, /api/muscles) and the small regions file, so it does not download the knowledge
 * base; derive-problem-list.ts passes the bundled one on the server.
 */
export interface ProblemListKnowledge {
  bodyZones: readonly { id: string; region: string }[];
  muscles: readonly { id: string; region: string; triggerPoints: readonly { zone: string }[] }[];
  regions?: readonly Region[] | undefined;
}

export function deriveProblemListWith(data: AssessmentData, kb: ProblemListKnowledge): DerivedProblem[] {
  const zoneRegion = new Map(kb.bodyZones.map((zone) => [zone.id, zone.region]));
  const muscles = new Map(kb.muscles.map((muscle) => [muscle.id, muscle]));
  const tallies = new Map<string, RegionTally>();

  const tallyFor = (region: string): RegionTally => {
    let tally = tallies.get(region);
    if (!tally) {
      tally = {
        region,
        zones: new Map(),
        sides: new Set(),
        painIntensities: [],
        activeFamiliar: 0,
        active: 0,
        latent: 0,
        nerves: 0,
        nerveSigns: 0,
        painfulTests: 0,
        restrictedTests: 0,
        hypermobileTests: 0,
        tautBands: 0,
        tenderAreas: 0,
        ischemicAreas: 0,
        unplacedLabels: [],
      };
      tallies.set(region, tally);
    }
    return tally;
  };
  const addZone = (tally: RegionTally, zone: string | undefined, side: Side | undefined, weight: number) => {
    tally.sides.add(side ?? 'none');
    if (!zone || !zoneRegion.has(zone)) return;
    // A finding with no side adds nothing to the same zone already named on a side, and a
    // sided finding replaces the unsided mention of its zone.
    const unsided = tally.zones.get(`${zone}:`);
    if (side === undefined && [...tally.zones.values()].some((entry) => entry.zone === zone && entry.side)) return;
    if (side !== undefined && unsided) {
      tally.zones.delete(`${zone}:`);
      weight = Math.max(weight, unsided.weight);
    }
    const key = `${zone}:${side ?? ''}`;
    const seen = tally.zones.get(key);
    if (!seen || seen.weight < weight) tally.zones.set(key, { zone, ...(side ? { side } : {}), weight });
  };
  // Where a muscle is treated: the zone over its first trigger point, else its own region.
  const placeMuscle = (muscleId: string): { region: string; zone?: string } => {
    const muscle = muscles.get(muscleId);
    const zone = muscle?.triggerPoints[0]?.zone;
    const region = zone ? zoneRegion.get(zone) : undefined;
    if (zone && region) return { region, zone };
    return { region: muscle?.region ?? UNPLACED_REGION };
  };

  for (const mark of data.painMap) {
    const region = zoneRegion.get(mark.zone);
    if (!region) continue;
    const tally = tallyFor(region);
    tally.painIntensities.push(mark.intensity);
    addZone(tally, mark.zone, mark.side, 10 + mark.intensity);
  }

  for (const tp of data.triggerPoints) {
    const place = placeMuscle(tp.muscleId);
    const tally = tallyFor(place.region);
    if (tp.activity === 'active' && tp.reproducesFamiliarPain) tally.activeFamiliar += 1;
    else if (tp.activity === 'active' || tp.reproducesFamiliarPain) tally.active += 1;
    else tally.latent += 1;
    addZone(tally, place.zone, tp.side, 5);
  }

  for (const band of data.tautBands) {
    const place = placeMuscle(band.muscleId);
    const tally = tallyFor(place.region);
    tally.tautBands += 1;
    addZone(tally, place.zone, band.side, 1);
  }

  for (const area of data.tenderAreas) {
    const region = zoneRegion.get(area.zone);
    if (!region) continue;
    const tally = tallyFor(region);
    if (area.ischemic) tally.ischemicAreas += 1;
    else tally.tenderAreas += 1;
    addZone(tally, area.zone, area.side, 2);
  }

  for (const finding of data.nerveFindings) {
    const zone = COMMON_NERVE_SITES.find((entry) => entry.site === finding.site)?.zone;
    const tally = tallyFor((zone && zoneRegion.get(zone)) ?? UNPLACED_REGION);
    tally.nerves += 1;
    tally.nerveSigns += Math.min(PROBLEM_WEIGHTS.nerveSignCap, Math.max(0, new Set(finding.signs).size - 1));
    if (tally.region === UNPLACED_REGION) tally.unplacedLabels.push(`${finding.nerve} (${finding.site})`);
    addZone(tally, zone, finding.side, 4);
  }

  for (const finding of data.biomechanics) {
    if (finding.result === 'normal') continue;
    const zone = COMMON_BIOMECHANICAL_TESTS.find((entry) => entry.test === finding.test)?.zone;
    const tally = tallyFor((zone && zoneRegion.get(zone)) ?? UNPLACED_REGION);
    if (finding.result === 'painful') tally.painfulTests += 1;
    else if (finding.result === 'restricted') tally.restrictedTests += 1;
    else tally.hypermobileTests += 1;
    if (tally.region === UNPLACED_REGION) tally.unplacedLabels.push(finding.test);
    addZone(tally, zone, finding.side, 3);
  }

  const scored = [...tallies.values()]
    .map((tally) => ({ tally, score: scoreTally(tally) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || compareText(a.tally.region, b.tally.region));

  return scored.map(({ tally, score }, index) => {
    const label = titleFor(tally, kb);
    const zones = [...tally.zones.values()]
      .sort((a, b) => b.weight - a.weight || compareText(a.zone, b.zone) || compareText(a.side ?? '', b.side ?? ''))
      .map(({ zone, side }) => ({ zone, ...(side ? { side } : {}) }));
    return {
      id: `derived-${tally.region}`,
      title: label.en,
      zones,
      priority: index + 1,
      source: 'derived',
      region: tally.region,
      score: Math.round(score * 100) / 100,
      label,
      reason: reasonFor(tally),
    };
  });
}

function scoreTally(t: RegionTally): number {
  const w = PROBLEM_WEIGHTS;
  const worstPain = t.painIntensities.length > 0 ? Math.max(...t.painIntensities) : 0;
  const breadth = Math.min(w.painBreadthCap, Math.max(0, t.painIntensities.length - 1)) * w.painBreadth;
  return (
    worstPain +
    breadth +
    t.activeFamiliar * w.triggerPoint.activeFamiliar +
    t.active * w.triggerPoint.active +
    t.latent * w.triggerPoint.latent +
    t.nerves * w.nerve +
    t.nerveSigns * w.nerveSign +
    t.painfulTests * w.biomechanics.painful +
    t.restrictedTests * w.biomechanics.restricted +
    t.hypermobileTests * w.biomechanics.hypermobile +
    t.tautBands * w.tautBand +
    t.tenderAreas * w.tenderArea +
    t.ischemicAreas * w.ischemicArea
  );
}

// Arabic takes the side as a noun in brackets, which agrees with every region name.
const SIDE_LABELS: Record<Side, Localized> = { left: { en: 'left', ar: 'يسار' }, right: { en: 'right', ar: 'يمين' } };

/** The region's name from the knowledge base (knowledge-base/regions); an unknown id is shown as written. */
function regionLabel(region: string, kb: ProblemListKnowledge): Localized {
  const known = kb.regions?.find((r) => r.id === region)?.label;
  if (known) return known;
  const words = region.replace(/_/g, ' ');
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return { en: text, ar: text };
}

function titleFor(t: RegionTally, kb: ProblemListKnowledge): Localized {
  const base = regionLabel(t.region, kb);
  const sides = [...t.sides].filter((side): side is Side => side !== 'none');
  const single = sides.length === 1 && !t.sides.has('none') ? sides[0] : undefined;
  if (!single) return base;
  return { en: `${base.en}, ${SIDE_LABELS[single].en}`, ar: `${base.ar} (${SIDE_LABELS[single].ar})` };
}

/** e.g. "pain up to 7/10 in 2 areas; 1 active trigger point reproducing familiar pain; 1 nerve finding". */
function reasonFor(t: RegionTally): Localized {
  const en: string[] = [];
  const ar: string[] = [];
  const n = t.painIntensities.length;
  if (n > 0) {
    const worst = Math.max(...t.painIntensities);
    en.push(n === 1 ? `pain ${worst}/10` : `pain up to ${worst}/10 in ${n} areas`);
    ar.push(n === 1 ? `ألم ${worst}/10` : `ألم حتى ${worst}/10 في ${n} مناطق`);
  }
  const count = (value: number, one: string, many: string, arOne: string, arMany: string) => {
    if (value === 0) return;
    en.push(`${value} ${value === 1 ? one : many}`);
    ar.push(value === 1 ? arOne : `${value} ${arMany}`);
  };
  count(
    t.activeFamiliar,
    'active trigger point reproducing familiar pain',
    'active trigger points reproducing familiar pain',
    'نقطة زنادية نشطة تعيد الألم المألوف',
    'نقاط زنادية نشطة تعيد الألم المألوف',
  );
  count(t.active, 'active trigger point', 'active trigger points', 'نقطة زنادية نشطة', 'نقاط زنادية نشطة');
  count(t.latent, 'latent trigger point', 'latent trigger points', 'نقطة زنادية كامنة', 'نقاط زنادية كامنة');
  count(t.nerves, 'nerve entrapment or compression finding', 'nerve entrapment or compression findings', 'علامة انضغاط عصبي', 'علامات انضغاط عصبي');
  count(t.painfulTests, 'painful movement test', 'painful movement tests', 'اختبار حركة مؤلم', 'اختبارات حركة مؤلمة');
  count(t.restrictedTests, 'restricted movement test', 'restricted movement tests', 'اختبار حركة مقيد', 'اختبارات حركة مقيدة');
  count(t.hypermobileTests, 'hypermobile movement test', 'hypermobile movement tests', 'اختبار حركة مفرط', 'اختبارات حركة مفرطة');
  count(t.ischemicAreas, 'ischemic tender area', 'ischemic tender areas', 'منطقة إقفارية مؤلمة', 'مناطق إقفارية مؤلمة');
  count(t.tenderAreas, 'tender area', 'tender areas', 'منطقة مؤلمة عند الضغط', 'مناطق مؤلمة عند الضغط');
  count(t.tautBands, 'taut band', 'taut bands', 'شريط مشدود', 'أشرطة مشدودة');
  if (t.unplacedLabels.length > 0) {
    en.push(`not placed on the chart: ${t.unplacedLabels.join(', ')}`);
    ar.push(`غير محدد على المخطط: ${t.unplacedLabels.join('، ')}`);
  }
  const enText = en.join('; ');
  return { en: enText.charAt(0).toUpperCase() + enText.slice(1), ar: ar.join('؛ ') };
}

// Code-unit order, not localeCompare: the same order on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
