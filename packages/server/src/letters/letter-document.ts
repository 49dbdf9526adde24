import type PDFKitDocument from 'pdfkit';
import { loadWhenUsed } from '../lib/load-when-used.ts';
import { layoutParagraph, type Direction, type VisualLine } from './bidi-text.ts';
import { letterFonts, type FontWeight } from './letter-fonts.ts';

/**
 * A letter page set in pdfkit: A4, the clinic's letterhead on the first page, text flowing down the
 * page in the letter's direction (right-aligned for Arabic), a new page when the next block does not
 * fit, and "page n of m" with a confidentiality line on every page. Shared by every letter Myomap
 * writes (referral letters, acknowledgements, discharge summaries).
 */

/** pdfkit, loaded at the first letter (lib/load-when-used.ts). */
const pdfDocument = loadWhenUsed<typeof PDFKitDocument>('pdfkit');

export type LetterLanguage = 'en' | 'ar';

export interface Letterhead {
  name: string;
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  website?: string | undefined;
}

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 56, bottom: 64, side: 56 } as const;
const LINE_HEIGHT = 1.55;
const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#1f4e79';

export interface TextOptions {
  size?: number;
  weight?: FontWeight;
  color?: string;
  /** Space after the block, in points. */
  gap?: number;
  /** Indent from the start side (left in English, right in Arabic). */
  indent?: number;
  /** Width of the block, from its start side; the full text width when absent. */
  width?: number;
  /** Keep the whole block on one page when it fits on a page. */
  keepTogether?: boolean;
}

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  share: number;
}

/**
 * A value set apart from its surroundings: its direction comes from its own first strong character
 * (an FSI … PDI pair, UAX #9), so "REF-2026-0042" stays left to right in an Arabic letter and an
 * Arabic name stays right to left in an English one, as HTML's dir="auto" does.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

export class LetterWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly direction: Direction;
  private y = MARGIN.top;
  private readonly textWidth = PAGE.width - 2 * MARGIN.side;

  constructor(
    readonly language: LetterLanguage,
    info: { title: string; author: string; createdAt: Date },
  ) {
    if (Number.isNaN(info.createdAt.getTime())) throw new RangeError('a letter needs a valid signing or issue time');
    this.direction = language === 'ar' ? 'rtl' : 'ltr';
    const PDFDocument = pdfDocument();
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      autoFirstPage: true,
      lang: language,
      displayTitle: true,
      // A fixed creation date (the signing time) makes the same letter render to the same bytes.
      info: { Title: info.title, Author: info.author, Creator: 'Myomap', Producer: 'Myomap', CreationDate: info.createdAt, ModDate: info.createdAt },
    });
    for (const weight of ['regular', 'bold'] as const) for (const font of letterFonts(weight)) this.doc.registerFont(font.key, font.bytes);
  }

  private measure = (text: string, fontKey: string, size: number): number => this.doc.font(fontKey).fontSize(size).widthOfString(text);

  /** Lays a paragraph out without drawing it. */
  lines(text: string, options: TextOptions = {}): VisualLine[] {
    const size = options.size ?? 10.5;
    const width = options.width ?? this.textWidth - (options.indent ?? 0);
    return layoutParagraph(text, { weight: options.weight ?? 'regular', direction: this.direction }, width, (t, key) => this.measure(t, key, size));
  }

  lineHeight(size = 10.5): number {
    return size * LINE_HEIGHT;
  }

  /** Starts a new page when `height` points do not fit below the current position. */
  ensureSpace(height: number): void {
    if (this.y + height > PAGE.height - MARGIN.bottom) {
      this.doc.addPage({ size: 'A4', margin: 0 });
      this.y = MARGIN.top;
    }
  }

  space(points: number): void {
    this.y += points;
  }

  /**
   * Draws a paragraph at the current position, wrapping and breaking pages as needed. Line breaks
   * typed into free text (a referrer's reason) are kept; each line is laid out on its own, since
   * the bidi algorithm treats a line break as the end of a paragraph anyway (UAX #9, rule P1).
   */
  paragraph(text: string, options: TextOptions = {}): void {
    const size = options.size ?? 10.5;
    const lines = text.split(/\r?\n/).flatMap((part) => this.lines(part, options));
    const height = this.lineHeight(size);
    if (options.keepTogether) this.ensureSpace(Math.min(lines.length * height, PAGE.height - MARGIN.top - MARGIN.bottom));
    const blockWidth = options.width ?? this.textWidth - (options.indent ?? 0);
    for (const line of lines) {
      this.ensureSpace(height);
      this.drawLine(line, this.startX(options.indent ?? 0, blockWidth), blockWidth, this.y, size, options.color ?? INK);
      this.y += height;
    }
    this.y += options.gap ?? 4;
  }

  /** x of the block's left edge for a block `width` wide, `indent` in from the start side. */
  private startX(indent: number, width: number): number {
    return this.direction === 'rtl' ? PAGE.width - MARGIN.side - indent - width : MARGIN.side + indent;
  }

  private drawLine(line: VisualLine, left: number, width: number, top: number, size: number, color: string): void {
    // Align to the start side: left in English, right in Arabic.
    const x0 = this.direction === 'rtl' ? left + width - line.width : left;
    this.doc.fillColor(color);
    for (const run of line.runs)
      this.doc
        .font(run.fontKey)
        .fontSize(size)
        .text(run.text, x0 + run.x, top, { lineBreak: false });
  }

  heading(text: string): void {
    this.ensureSpace(this.lineHeight(11.5) * 3);
    this.space(4);
    this.paragraph(text, { size: 11.5, weight: 'bold', color: ACCENT, gap: 1 });
  }

  rule(color = '#c8d3df'): void {
    this.doc
      .moveTo(MARGIN.side, this.y)
      .lineTo(PAGE.width - MARGIN.side, this.y)
      .lineWidth(0.8)
      .strokeColor(color)
      .stroke();
    this.y += 8;
  }

  letterhead(clinic: Letterhead): void {
    this.paragraph(clinic.name, { size: 17, weight: 'bold', color: ACCENT, gap: 0 });
    const contacts = [clinic.address, clinic.phone, clinic.email, clinic.website].filter((c): c is string => Boolean(c && c.trim()));
    if (contacts.length > 0) this.paragraph(contacts.join('  ·  '), { size: 9, color: MUTED, gap: 2 });
    this.rule(ACCENT);
  }

  /** Label and value pairs, the label in bold at the start side and the value beside it. */
  fields(pairs: readonly (readonly [string, string | undefined])[], labelWidth = 120): void {
    for (const [label, value] of pairs) {
      if (value === undefined || value.trim() === '') continue;
      const valueLines = this.lines(isolate(value), { width: this.textWidth - labelWidth });
      const [labelLine] = this.lines(label, { weight: 'bold', width: labelWidth - 8 });
      const height = this.lineHeight();
      this.ensureSpace(height);
      if (labelLine) this.drawLine(labelLine, this.startX(0, labelWidth - 8), labelWidth - 8, this.y, 10.5, MUTED);
      for (const line of valueLines) {
        this.ensureSpace(height);
        this.drawLine(line, this.startX(labelWidth, this.textWidth - labelWidth), this.textWidth - labelWidth, this.y, 10.5, INK);
        this.y += height;
      }
    }
    this.y += 4;
  }

  bullets(items: readonly string[]): void {
    for (const item of items) {
      const [first] = this.lines('•', {});
      this.ensureSpace(this.lineHeight());
      if (first) this.drawLine(first, this.startX(4, 10), 10, this.y, 10.5, INK);
      this.paragraph(item, { indent: 16, gap: 1 });
    }
    this.y += 3;
  }

  /** A table with a header row; columns run from the start side (right to left in Arabic). */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const totalShare = columns.reduce((sum, c) => sum + c.share, 0);
    const widths = columns.map((c) => (c.share / totalShare) * this.textWidth);
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pad = 5;
    const drawRow = (cells: readonly string[], header: boolean): void => {
      const laid = cells.map((cell, i) => this.lines(isolate(cell), { weight: header ? 'bold' : 'regular', size: 10, width: (widths[i] ?? 0) - 2 * pad }));
      const height = Math.max(1, ...laid.map((l) => l.length)) * this.lineHeight(10) + 2 * pad - 4;
      this.ensureSpace(height);
      if (header) this.doc.rect(MARGIN.side, this.y, this.textWidth, height).fillColor('#eef3f8').fill();
      laid.forEach((lines, i) => {
        const cellWidth = (widths[i] ?? 0) - 2 * pad;
        let y = this.y + pad - 2;
        for (const line of lines) {
          this.drawLine(line, this.startX((offsets[i] ?? 0) + pad, cellWidth), cellWidth, y, 10, header ? ACCENT : INK);
          y += this.lineHeight(10);
        }
      });
      this.y += height;
      this.doc
        .moveTo(MARGIN.side, this.y)
        .lineTo(PAGE.width - MARGIN.side, this.y)
        .lineWidth(0.5)
        .strokeColor('#c8d3df')
        .stroke();
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.y += 10;
  }

  /** Footers on every page, then the finished PDF's bytes. */
  async finish(footer: (page: number, pages: number) => string, confidential: string): Promise<Uint8Array> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      for (const [text, offset] of [
        [confidential, 40],
        [footer(i - range.start + 1, range.count), 28],
      ] as const) {
        const [line] = this.lines(text, { size: 8 });
        if (line) this.drawLine(line, MARGIN.side, this.textWidth, PAGE.height - offset - 8, 8, MUTED);
      }
    }
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  }
}
