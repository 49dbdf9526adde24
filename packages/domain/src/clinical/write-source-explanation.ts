import type { Localized } from '../knowledge/knowledge-schemas.ts';
import type { ReferralIndex } from './build-referral-index.ts';
import type { MatchedZone, PalpatedTriggerPoint, Side } from './source-finder-types.ts';

/**
 * The "why" of a candidate, in English and Arabic: which marked areas the muscle's pattern
 * explains, how much of the pain map that is, and what palpation found. Written for the
 * therapist at the table, so plain sentences rather than numbers.
 */
export interface CandidateEvidence {
  side: Side | undefined;
  bilateral: boolean;
  matched: readonly (MatchedZone & { midline: boolean })[];
  /** How many marks this candidate could explain (its side plus midline and unsided marks). */
  visibleMarks: number;
  /** Whether every one of those marks carries a side (none is midline or unsided). */
  allMarksSided: boolean;
  /** Marked zones over which one of the muscle's trigger points lies. */
  localZones: readonly string[];
  finding?: PalpatedTriggerPoint;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

export function writeSourceExplanation(evidence: CandidateEvidence, index: ReferralIndex): Localized {
  const en: string[] = [];
  const ar: string[] = [];
  const labelsOf = (relation: 'primary' | 'spillover') =>
    [...new Set(evidence.matched.filter((m) => m.relation === relation).map((m) => m.zone))].map((zone) => index.zoneLabel(zone));
  const primary = labelsOf('primary');
  const spillover = labelsOf('spillover');
  const { side, matched, visibleMarks } = evidence;

  if (matched.length > 0) {
    // "on the right" only when every area counted is on that side; midline areas are not.
    const allSided = evidence.allMarksSided;
    const whereEn = side && allSided ? ` on the ${side}` : '';
    const whereAr = !allSided ? '' : side === 'right' ? ' في الجهة اليمنى' : side === 'left' ? ' في الجهة اليسرى' : '';
    let sentenceEn: string;
    let sentenceAr: string;
    if (primary.length > 0) {
      sentenceEn = `Refers pain to ${listEn(primary.map((l) => l.en))} (primary ${primary.length === 1 ? 'zone' : 'zones'})`;
      sentenceAr = `تحيل الألم إلى ${listAr(primary.map((l) => l.ar))} (${primary.length === 1 ? 'منطقة أساسية' : 'مناطق أساسية'})`;
      if (spillover.length > 0) {
        sentenceEn += ` and spillover to ${listEn(spillover.map((l) => l.en))}`;
        sentenceAr += ` وألماً ثانوياً إلى ${listAr(spillover.map((l) => l.ar))}`;
      }
    } else {
      sentenceEn = `Refers spillover pain to ${listEn(spillover.map((l) => l.en))}`;
      sentenceAr = `تحيل ألماً ثانوياً إلى ${listAr(spillover.map((l) => l.ar))}`;
    }
    if (matched.length === visibleMarks) {
      sentenceEn +=
        visibleMarks === 1
          ? `, the area you marked${whereEn}.`
          : visibleMarks === 2
            ? `, the two areas you marked${whereEn}.`
            : `, all ${countWord(visibleMarks)} areas you marked${whereEn}.`;
      sentenceAr += visibleMarks === 1 ? `، وهي المنطقة المحدّدة${whereAr}.` : `، وهي كل المناطق المحدّدة${whereAr} (${visibleMarks}).`;
    } else {
      sentenceEn += `: ${countWord(matched.length)} of the ${countWord(visibleMarks)} areas you marked${whereEn}.`;
      sentenceAr += `: ${matched.length} من ${visibleMarks} مناطق محدّدة${whereAr}.`;
    }
    en.push(sentenceEn);
    ar.push(sentenceAr);

    const local = evidence.localZones.map((zone) => index.zoneLabel(zone));
    if (local.length > 0) {
      en.push(`It has a trigger point under the ${listEn(local.map((l) => l.en))}, so it can also hurt there locally.`);
      ar.push(`لها نقطة زناد تحت ${listAr(local.map((l) => l.ar))}، لذا قد تسبب ألماً موضعياً هناك أيضاً.`);
    }

    const midline = [...new Set(matched.filter((m) => m.midline).map((m) => m.zone))].map((zone) => index.zoneLabel(zone));
    if (midline.length > 0 && !evidence.bilateral) {
      en.push(
        `${capitalize(listEn(midline.map((l) => l.en)))} ${midline.length === 1 ? 'is a midline area' : 'are midline areas'}, so the pain can come from this muscle on either side.`,
      );
      ar.push(`${listAr(midline.map((l) => l.ar))} في خط المنتصف، لذا قد يأتي الألم من هذه العضلة في أيٍّ من الجانبين.`);
    }
    if (evidence.bilateral) {
      en.push('This muscle refers pain to both sides, so its trigger point may be on either side.');
      ar.push('تحيل هذه العضلة الألم إلى الجانبين، لذا قد تكون نقطة الزناد في أيٍّ منهما.');
    } else if (side === undefined && matched.some((m) => !m.midline)) {
      en.push('No side was marked, so check the muscle on both sides.');
      ar.push('لم تُحدَّد الجهة، لذا افحص العضلة في الجانبين.');
    }
  }

  const { finding } = evidence;
  if (finding) {
    const kindEn = `${finding.activity === 'active' ? 'an active' : 'a latent'} trigger point${finding.reproducesFamiliarPain ? ' that reproduces the familiar pain' : ''}`;
    const kindAr = `نقطة زناد ${finding.activity === 'active' ? 'نشطة' : 'كامنة'}${finding.reproducesFamiliarPain ? ' تعيد إنتاج الألم المألوف' : ''}`;
    if (matched.length > 0) {
      en.push(`${capitalize(kindEn)} was palpated here.`);
      ar.push(`جُسَّت هنا ${kindAr}.`);
    } else if (visibleMarks > 0) {
      en.push(`Palpated: ${kindEn} was found in this muscle, though its referral pattern does not cover the areas you marked.`);
      ar.push(`بالجسّ: وُجدت ${kindAr} في هذه العضلة، مع أن نمط إحالتها لا يغطي المناطق المحدّدة.`);
    } else {
      en.push(`Palpated: ${kindEn} was found in this muscle.`);
      ar.push(`بالجسّ: وُجدت ${kindAr} في هذه العضلة.`);
    }
  }
  return { en: en.join(' '), ar: ar.join(' ') };
}

/** "Temple" → "temple" inside a sentence, but "TMJ ..." keeps its capitals. */
function inSentence(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function listEn(labels: readonly string[]): string {
  const items = labels.map(inSentence);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function listAr(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join('، ')} و${labels.at(-1) ?? ''}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
