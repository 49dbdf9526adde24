/**
 * Claims a patient article may not make, in English and Arabic: the marketing copy these articles
 * replace promised cures, a "success rate", a lactic-acid story and detox, none of which the evidence
 * supports (docs/ARCHITECTURE.md, "Education articles"; clinical-reference §6: no "flushing toxins").
 *
 * An article must still be able to say what therapy does NOT do ("NMT does not cure muscular
 * dystrophy", «لا يشفي»). So a match is allowed when a negation word comes shortly before it in the
 * same sentence. A sentence ends at . ! ? ؟ ; ؛ : or a line break, so a negation in one sentence
 * or list item never excuses a claim in the next.
 */

export interface ForbiddenClaim {
  id: string;
  /** How the phrase reads, for the error message. */
  phrase: string;
  /** A regular expression source over normalised text (see normaliseForClaims). */
  pattern: string;
  /** Arabic words take attached prefixes (و ف ب ل ك ال): allow them before the match. */
  arabic?: boolean;
}

// Patterns are written in normalised form: lower case; Arabic without diacritics or tatweel,
// أ إ آ ٱ → ا, ى → ي, ة → ه (so «الأكثر فعالية» is written الاكثر فعاليه). An indefinite accusative
// keeps its alef once the tanween mark is gone («علاجًا نهائيًا» → علاجا نهائيا), hence the optional ا.
export const FORBIDDEN_CLAIMS: readonly ForbiddenClaim[] = [
  { id: 'cure', phrase: 'cure', pattern: 'cur(?:e|es|ed|ing)|curative' },
  { id: 'most_effective', phrase: 'most effective', pattern: 'most\\s+effective' },
  { id: 'lactic_acid', phrase: 'lactic acid', pattern: 'lactic\\s+acid' },
  { id: 'success_rate', phrase: 'success rate', pattern: 'success\\s+rates?' },
  { id: 'guarantee', phrase: 'guarantee', pattern: 'guarantee(?:s|d|ing)?' },
  { id: 'detox', phrase: 'detox', pattern: 'detox[a-z]*' },
  { id: 'cure_ar', phrase: 'يشفي', pattern: '(?:يشفي|تشفي|نشفي)(?:ه|ها|ك|كم|هم|ان|ون|ين)?', arabic: true },
  { id: 'complete_cure_ar', phrase: 'شفاء تام', pattern: 'شفاءا?\\s+(?:ال)?(?:تام|نهائي|كامل)ا?', arabic: true },
  { id: 'final_cure_ar', phrase: 'علاج نهائي', pattern: 'علاجا?\\s+(?:ال)?نهائيا?', arabic: true },
  { id: 'most_effective_ar', phrase: 'الأكثر فعالية', pattern: 'الاكثر\\s+(?:فعاليه|فاعليه|نجاعه)', arabic: true },
  { id: 'lactic_acid_ar', phrase: 'حمض اللاكتيك', pattern: 'حا?مض\\s+(?:ال)?(?:لاكتيك|لبنيك)', arabic: true },
  { id: 'success_rate_ar', phrase: 'نسبة نجاح', pattern: '(?:نسبه|معدل)\\s+(?:ال)?نجاح', arabic: true },
  { id: 'guarantee_ar', phrase: 'مضمون', pattern: 'مضمون(?:ه|ين|ون)?|نضمن|يضمن', arabic: true },
  { id: 'detox_ar', phrase: 'إزالة السموم', pattern: 'ديتوكس|(?:ازاله|طرد|تخليص\\s+الجسم\\s+من)\\s+(?:ال)?سموم', arabic: true },
];

const ENGLISH_NEGATIONS = new Set(['not', 'no', 'never', 'cannot', 'nor', 'neither', 'without', 'none', 'nothing']);
// ما is left out: it is as often "what" as "not".
const ARABIC_NEGATIONS = new Set(['لا', 'لن', 'لم', 'ليس', 'ليست', 'ليسوا', 'لسنا', 'غير', 'دون', 'بدون', 'بلا', 'عدم']);

/** How many words before the claim a negation may stand: "does not cure" is 1, "no evidence that massage can cure" is 5. */
export const NEGATION_WINDOW = 8;

const ARABIC_PREFIX = '(?:وال|فال|بال|كال|لل|ال|[وفبلك])?';

export function normaliseForClaims(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/’/g, "'");
}

function isNegation(word: string): boolean {
  if (ENGLISH_NEGATIONS.has(word) || word.endsWith("n't")) return true;
  if (ARABIC_NEGATIONS.has(word)) return true;
  // «ولا»، «فلا»، «ولم»: the conjunction is written joined to the negation.
  return word.length > 2 && (word.startsWith('و') || word.startsWith('ف')) && ARABIC_NEGATIONS.has(word.slice(1));
}

const compiled = FORBIDDEN_CLAIMS.map((claim) => ({
  claim,
  regex: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${claim.arabic === true ? ARABIC_PREFIX : ''}(?:${claim.pattern})(?![\\p{L}\\p{M}])`, 'gu'),
}));

export interface ClaimFinding {
  claimId: string;
  phrase: string;
  /** The matched words, in normalised form. */
  match: string;
  /** The sentence it stands in, as written. */
  sentence: string;
}

/** Forbidden claims in a text, leaving out those a nearby negation turns into a denial. */
export function findForbiddenClaims(text: string): ClaimFinding[] {
  const findings: ClaimFinding[] = [];
  // Split before normalising, so a finding can quote the sentence as the author wrote it.
  for (const written of text.split(/[.!?؟;؛:\n]+/u)) {
    const sentence = normaliseForClaims(written);
    for (const { claim, regex } of compiled) {
      for (const match of sentence.matchAll(regex)) {
        const before = sentence.slice(0, match.index).match(/[\p{L}\p{M}']+/gu) ?? [];
        if (before.slice(-NEGATION_WINDOW).some(isNegation)) continue;
        findings.push({ claimId: claim.id, phrase: claim.phrase, match: match[0], sentence: written.trim() });
      }
    }
  }
  return findings;
}
