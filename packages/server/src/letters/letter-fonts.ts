import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { loadWhenUsed } from '../lib/load-when-used.ts';
import { woffToSfnt } from './woff-to-sfnt.ts';

/**
 * The letter font: Noto Naskh Arabic (SIL Open Font License 1.1), shipped with the app through the
 * @fontsource/noto-naskh-arabic npm package, so a production machine needs no system fonts. Fontsource
 * splits the family into subset files by script (arabic, latin, latin-ext); every character is set in
 * the first subset that has a glyph for it, so a line mixing Arabic and Latin uses one family.
 */

export type FontWeight = 'regular' | 'bold';

const SUBSETS = ['arabic', 'latin', 'latin-ext'] as const;
type Subset = (typeof SUBSETS)[number];

export interface LetterFont {
  /** The name the font is registered under in a PDF document. */
  key: string;
  subset: Subset;
  bytes: Buffer;
  font: Fontkit.Font;
}

const require = createRequire(import.meta.url);
/** fontkit, loaded with the first letter's fonts (lib/load-when-used.ts). */
const fontkit = loadWhenUsed<typeof Fontkit>('fontkit');
const cache = new Map<FontWeight, LetterFont[]>();

/** The subset files for one weight, in the order they are tried for a character. */
export function letterFonts(weight: FontWeight): LetterFont[] {
  const cached = cache.get(weight);
  if (cached) return cached;
  const numeric = weight === 'bold' ? 700 : 400;
  const fonts = SUBSETS.map((subset): LetterFont => {
    // WOFF (not WOFF2), unpacked once to plain OpenType: fast to read, and fontkit subsets it for embedding.
    const bytes = woffToSfnt(readFileSync(require.resolve(`@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-${subset}-${numeric}-normal.woff`)));
    const font = fontkit().create(bytes);
    if (!('layout' in font)) throw new Error(`letter font ${subset} ${weight} is a collection, not a font`);
    return { key: `naskh-${subset}-${weight}`, subset, bytes, font };
  });
  cache.set(weight, fonts);
  return fonts;
}

const ARABIC_BLOCKS = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/**
 * The font for one character: Arabic-block characters (letters, Arabic comma and question mark,
 * Arabic-Indic digits) from the arabic subset; everything else from the first subset that has it.
 */
export function fontForCharacter(fonts: readonly LetterFont[], char: string): LetterFont {
  const codePoint = char.codePointAt(0) ?? 0;
  const arabic = fonts.find((f) => f.subset === 'arabic');
  if (arabic && ARABIC_BLOCKS.test(char) && arabic.font.hasGlyphForCodePoint(codePoint)) return arabic;
  const found = fonts.find((f) => f.subset !== 'arabic' && f.font.hasGlyphForCodePoint(codePoint));
  return found ?? arabic ?? (fonts[0] as LetterFont);
}
