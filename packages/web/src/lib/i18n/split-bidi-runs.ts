const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
// A run of Latin letters, digits and what joins them in a dose or a measure ("2 × 20 s", "3x10 reps").
const LATIN_RUN = /[0-9A-Za-z\u00C0-\u024F](?:[0-9A-Za-z\u00C0-\u024F×*/.,:+\- ]*[0-9A-Za-z\u00C0-\u024F])?/gu;
const LATIN_OR_TIMES = /[A-Za-z\u00C0-\u024F×*]/u;

export interface BidiRuns {
  /** The direction of the whole text: right to left when it has any Arabic letter. */
  dir: 'ltr' | 'rtl';
  /** The text cut into runs; `ltr` runs are to be isolated inside a right-to-left text. */
  runs: { text: string; ltr: boolean }[];
}

/**
 * How to show a short mixed text, such as a dose, so it reads as written on either page. Without
 * isolation the bidi algorithm reorders numbers around neutral signs in a right-to-left line:
 * "2 × 20 s" shows as "s 20 × 2" and a bare "2 × 20" as "20 × 2". A text with no Arabic letter is
 * left to right as a whole (a formula or English); in an Arabic text, each run with a Latin letter or
 * a multiplication sign is isolated left to right. Arabic ranges ("20–30 ثانية") keep the Arabic
 * order: they have no Latin letter.
 */
export function splitBidiRuns(text: string): BidiRuns {
  if (!ARABIC.test(text)) return { dir: 'ltr', runs: [{ text, ltr: false }] };
  const runs: BidiRuns['runs'] = [];
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (!LATIN_OR_TIMES.test(match[0])) continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index), ltr: false });
    runs.push({ text: match[0], ltr: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), ltr: false });
  return { dir: 'rtl', runs };
}
