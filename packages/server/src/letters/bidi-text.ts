import bidiFactory, { type EmbeddingLevels } from 'bidi-js';
import { fontForCharacter, letterFonts, type FontWeight, type LetterFont } from './letter-fonts.ts';

/**
 * Lays out one paragraph for a PDF: the Unicode bidirectional algorithm (UAX #9, via bidi-js) gives
 * each character its embedding level; lines are broken at spaces on the logical text; each line is
 * reordered into visual order (rule L2) and cut into runs of one font and one level. pdfkit hands each
 * run to fontkit, which shapes it (Arabic joining forms, ligatures, marks) and, for an Arabic run,
 * returns the glyphs right to left. So a run at a right-to-left level that contains Arabic is passed
 * in logical order (fontkit reverses it once shaped), and any other right-to-left run (brackets,
 * punctuation) is passed already reversed and mirrored (rule L4).
 */

const bidi = bidiFactory();
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Bidi formatting characters: they steer the algorithm and are never drawn. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const BIDI_CONTROL = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const LRI = '\u2066';
const PDI = '\u2069';
/**
 * A phone number ("+971 50 123 4567") is a run of digit groups separated by spaces; inside
 * right-to-left text the algorithm would order the groups right to left (each group is its own
 * number), so it is isolated as one left-to-right unit (an LRI … PDI pair, UAX #9 rule X5a).
 */
const PHONE_NUMBER = /\+?\d[\d\s\-().]{5,}\d/gu;

export type Direction = 'ltr' | 'rtl';

/** What pdfkit is asked to draw: a run of text in one font, to be set at the run's x offset. */
export interface TextRun {
  text: string;
  fontKey: string;
  /** Offset from the line's left edge, in points. */
  x: number;
  width: number;
}

export interface VisualLine {
  runs: TextRun[];
  width: number;
}

/** Measures text set in one registered font (pdfkit shapes it with fontkit to measure). */
export type Measure = (text: string, fontKey: string) => number;

export interface ParagraphStyle {
  weight: FontWeight;
  direction: Direction;
}

interface Word {
  start: number;
  /** Exclusive. */
  end: number;
  width: number;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (a word wider than a line is cut between
 * characters), each in visual order, runs positioned from the left edge.
 */
export function layoutParagraph(text: string, style: ParagraphStyle, maxWidth: number, measure: Measure): VisualLine[] {
  const flat = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (flat.replace(BIDI_CONTROLS, '') === '') return [];
  const clean = style.direction === 'rtl' ? flat.replace(PHONE_NUMBER, (phone) => `${LRI}${phone}${PDI}`) : flat;
  const measureDrawn: Measure = (t, key) => measure(t.replace(BIDI_CONTROLS, ''), key);
  const fonts = letterFonts(style.weight);
  const embedding = bidi.getEmbeddingLevels(clean, style.direction);
  const levels = embedding.levels;
  const fontAt = (i: number): LetterFont => fontForCharacter(fonts, clean[i] ?? ' ');
  const spaceWidth = measureDrawn(' ', fontAt(clean.indexOf(' ') >= 0 ? clean.indexOf(' ') : 0).key);

  const rangeWidth = (start: number, end: number): number => {
    let width = 0;
    let runStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || fontAt(i).key !== fontAt(runStart).key || levels[i] !== levels[runStart]) {
        width += measureDrawn(clean.slice(runStart, i), fontAt(runStart).key);
        runStart = i;
      }
    }
    return width;
  };

  const words: Word[] = [];
  for (const match of clean.matchAll(/[^ ]+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    const width = rangeWidth(start, end);
    if (width <= maxWidth) {
      words.push({ start, end, width });
      continue;
    }
    // An over-long word (a URL, an e-mail address): cut it into pieces that fit.
    let pieceStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || rangeWidth(pieceStart, i + 1) > maxWidth) {
        words.push({ start: pieceStart, end: i, width: rangeWidth(pieceStart, i) });
        pieceStart = i;
      }
    }
  }

  const lines: { start: number; end: number }[] = [];
  let line: { start: number; end: number; width: number } | null = null;
  for (const word of words) {
    if (line && line.width + spaceWidth + word.width <= maxWidth) {
      line.end = word.end;
      line.width += spaceWidth + word.width;
    } else {
      if (line) lines.push(line);
      line = { start: word.start, end: word.end, width: word.width };
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => visualLine(clean, embedding, l.start, l.end, fontAt, measure));
}

function visualLine(text: string, embedding: EmbeddingLevels, start: number, end: number, fontAt: (i: number) => LetterFont, measure: Measure): VisualLine {
  const levels = embedding.levels;
  // Rule L2: the line's characters in visual order, left to right (segments are reversed in turn).
  const order = Array.from({ length: end - start }, (_, k) => start + k);
  for (const [from = start, to = start] of bidi.getReorderSegments(text, embedding, start, end - 1)) {
    const reversed = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, reversed.length, ...reversed);
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels, start, end - 1);
  const charAt = (i: number): string => mirrored.get(i) ?? text[i] ?? '';

  const runs: TextRun[] = [];
  let x = 0;
  let group: number[] = [];
  const flush = (): void => {
    const first = group[0];
    if (first === undefined) return;
    const fontKey = fontAt(first).key;
    const rtl = (levels[first] ?? 0) % 2 === 1;
    const visual = group.map(charAt).join('');
    const logical = [...group].reverse().map(charAt).join('');
    // fontkit reverses a shaped Arabic run itself; anything else at an RTL level is drawn as seen.
    const drawn = rtl && ARABIC_SCRIPT.test(logical) ? logical : visual;
    const width = measure(drawn, fontKey);
    runs.push({ text: drawn, fontKey, x, width });
    x += width;
    group = [];
  };
  for (const i of order) {
    if (BIDI_CONTROL.test(text[i] ?? '')) continue;
    const previous = group[group.length - 1];
    if (previous !== undefined && (fontAt(previous).key !== fontAt(i).key || levels[previous] !== levels[i])) flush();
    group.push(i);
  }
  flush();
  return { runs, width: x };
}
