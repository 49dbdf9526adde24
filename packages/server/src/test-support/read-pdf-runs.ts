import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';

/**
 * What a PDF actually draws, read back for tests: per page, each text object (one pdfkit `text()`
 * call, i.e. one run) with its position and its glyphs, each glyph as its outline taken from the
 * font embedded in the PDF. Outlines, not ids: a subset font renumbers glyphs, but a glyph's
 * outline is the same in the subset and in the font it came from, so a test can compare what was
 * drawn with what fontkit's shaping of the same text gives.
 */
export interface DrawnRun {
  /** The font's name in the page's resources (/F1, /F2, …). */
  font: string;
  x: number;
  y: number;
  outlines: string[];
}

const decode = (stream: PDFRawStream): Buffer => {
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter?.toString() === '/FlateDecode' ? inflateSync(stream.contents) : Buffer.from(stream.contents);
};

export async function readPdfRuns(bytes: Uint8Array): Promise<{ pageCount: number; pages: DrawnRun[][] }> {
  const pdf = await PDFDocument.load(bytes);
  const lookup = (o: PDFObject | undefined) => (o ? pdf.context.lookup(o) : undefined);
  const pages = pdf.getPages().map((page) => {
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const glyphFonts = new Map<string, fontkit.Font>();
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const type0 = lookup(ref) as PDFDict;
      const descendant = lookup((type0.get(PDFName.of('DescendantFonts')) as PDFArray).get(0)) as PDFDict;
      const descriptor = lookup(descendant.get(PDFName.of('FontDescriptor'))) as PDFDict;
      const file = lookup(descriptor.get(PDFName.of('FontFile2'))) as PDFRawStream;
      const font = fontkit.create(decode(file));
      if (!('layout' in font)) throw new Error('embedded font is a collection');
      glyphFonts.set(name.toString(), font);
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => lookup(r)) : [contents];
    const text = streams.map((s) => (s instanceof PDFRawStream ? decode(s).toString('latin1') : '')).join('\n');
    const runs: DrawnRun[] = [];
    for (const block of text.matchAll(/BT([\s\S]*?)ET/g)) {
      const body = block[1] ?? '';
      const font = /(\/F\d+)\s+[\d.]+\s+Tf/.exec(body)?.[1] ?? '';
      const at = /1 0 0 1 ([\d.-]+) ([\d.-]+) Tm/.exec(body);
      const glyphFont = glyphFonts.get(font);
      if (!glyphFont || !at) continue;
      const ids = [...body.matchAll(/<([0-9a-f]+)>/gi)].flatMap((m) => (m[1] ?? '').match(/.{4}/g) ?? []).map((hex) => parseInt(hex, 16));
      runs.push({ font, x: Number(at[1]), y: Number(at[2]), outlines: ids.map((id) => glyphFont.getGlyph(id).path.toSVG()) });
    }
    return runs;
  });
  return { pageCount: pdf.getPageCount(), pages };
}
