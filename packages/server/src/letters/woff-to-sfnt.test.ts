import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff-to-sfnt.ts';

const require = createRequire(import.meta.url);

describe('woffToSfnt', () => {
  it('gives the same font as the WOFF file: every glyph outline and the shaping of an Arabic word', () => {
    const woff = readFileSync(require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff'));
    const packed = fontkit.create(woff) as fontkit.Font;
    const unpacked = fontkit.create(woffToSfnt(woff)) as fontkit.Font;
    expect(unpacked.numGlyphs).toBe(packed.numGlyphs);
    for (let id = 0; id < packed.numGlyphs; id += 7) expect(unpacked.getGlyph(id).path.toSVG()).toBe(packed.getGlyph(id).path.toSVG());
    const ids = (font: fontkit.Font) => font.layout('الإحالة').glyphs.map((g) => g.id);
    expect(ids(unpacked)).toEqual(ids(packed));
  });

  it('refuses what is not a WOFF font', () => {
    expect(() => woffToSfnt(new TextEncoder().encode('%PDF-1.7'))).toThrow(/WOFF/);
  });
});
