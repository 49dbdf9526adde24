import { describe, expect, it } from 'vitest';
import { readPdfRuns, type DrawnRun } from '../test-support/read-pdf-runs.ts';
import { letterFonts, type FontWeight } from './letter-fonts.ts';
import { renderReferralLetterPdf, type ReferralLetterFacts } from './referral-letter.ts';

const facts: ReferralLetterFacts = {
  language: 'ar',
  referralId: 'REF-2026-0042',
  issuedOn: '2026-12-02',
  clinic: { name: 'عيادة مايوماب', address: 'شارع الوصل، دبي', phone: '+971 4 555 0100', email: 'clinic@example.com' },
  recipient: { name: 'د. ليلى حداد', organisation: 'مركز المدينة لطب الأعصاب' },
  patient: { name: 'سارة أحمد', dateOfBirth: '1985-04-17', sex: 'female', phone: '+971 50 123 4567', reference: 'P-00317' },
  urgency: 'urgent',
  reason: 'خدر في اليد اليمنى منذ ستة أسابيع. هاتف المريضة +971 50 123 4567 للتواصل.',
  question: 'نقترح إجراء EMG للطرف العلوي الأيمن.',
  testsSuggested: [{ code: 'NCS', label: 'دراسة التوصيل العصبي' }],
  findings: ['ضعف في قوة القبضة اليمنى.'],
  outcomes: [{ measure: 'الألم (NPRS)', baseline: '7', latest: '5' }],
  signedBy: { name: 'د. عمر خليل', role: 'طبيب', signedAt: '2026-12-02T09:15:00Z' },
};

/** The outlines fontkit's shaping gives for `text` in one subset file: what the PDF must draw for it. */
function shaped(text: string, subset: 'arabic' | 'latin', weight: FontWeight = 'regular'): string[] {
  const font = letterFonts(weight).find((f) => f.subset === subset)?.font;
  if (!font) throw new Error(`no ${subset} font`);
  return font.layout(text).glyphs.map((g) => g.path.toSVG());
}

/** The one drawn run whose glyphs are exactly `outlines`. */
function runOf(runs: DrawnRun[], outlines: string[]): DrawnRun {
  const found = runs.filter((r) => r.outlines.length === outlines.length && r.outlines.every((o, i) => o === outlines[i]));
  expect(found.length, 'runs drawing exactly these glyphs').toBeGreaterThanOrEqual(1);
  return found[0] as DrawnRun;
}

describe('referral letter PDF', () => {
  it('draws Arabic words with their joined forms, as fontkit shapes them, not as isolated letters', async () => {
    const [page] = (await readPdfRuns(await renderReferralLetterPdf(facts))).pages;
    const word = 'الإحالة';
    const isolated = [...word].map(
      (c) =>
        letterFonts('bold')[0]
          ?.font.glyphForCodePoint(c.codePointAt(0) ?? 0)
          .path.toSVG() ?? '',
    );
    // The test can fail: shaping really changes this word's glyphs.
    expect(shaped(word, 'arabic', 'bold')).not.toEqual(isolated);
    runOf(page ?? [], shaped(word, 'arabic', 'bold'));
    runOf(page ?? [], shaped('للطرف', 'arabic'));
  });

  it('orders a line right to left, with Latin words and phone numbers left to right inside it (UAX #9)', async () => {
    const [page = []] = (await readPdfRuns(await renderReferralLetterPdf(facts))).pages;
    // Heading "سبب الإحالة": the first word is at the right.
    const first = runOf(page, shaped('سبب', 'arabic', 'bold'));
    const second = runOf(page, shaped('الإحالة', 'arabic', 'bold'));
    expect(first.y).toBeCloseTo(second.y, 1);
    expect(first.x).toBeGreaterThan(second.x);
    // "نقترح إجراء EMG للطرف …": reading from the right, then EMG (E, M, G from the left), then on.
    const [suggest, perform, emg, limb] = [
      runOf(page, shaped('نقترح', 'arabic')),
      runOf(page, shaped('إجراء', 'arabic')),
      runOf(page, shaped('EMG', 'latin')),
      runOf(page, shaped('للطرف', 'arabic')),
    ];
    expect(new Set([suggest.y, perform.y, emg.y, limb.y]).size).toBe(1);
    expect(suggest.x).toBeGreaterThan(perform.x);
    expect(perform.x).toBeGreaterThan(emg.x);
    expect(emg.x).toBeGreaterThan(limb.x);
    // The phone number inside an Arabic sentence reads left to right, its digit groups in order, and
    // the sentence goes on to its left ("… +971 50 123 4567 للتواصل.").
    const contact = runOf(page, shaped('للتواصل', 'arabic'));
    const phone = page.filter((r) => r.y === contact.y && r.x > contact.x && r.outlines.join() === shaped('+971 50 123 4567', 'latin').join());
    expect(phone).toHaveLength(1);
  });

  it('breaks long letters onto further pages, each with its page number', async () => {
    const findings = Array.from({ length: 60 }, (_, i) => `ملاحظة رقم ${i + 1}: ضعف في قوة القبضة اليمنى عند الفحص.`);
    const { pageCount, pages } = await readPdfRuns(await renderReferralLetterPdf({ ...facts, findings }));
    expect(pageCount).toBeGreaterThanOrEqual(3);
    for (const page of pages) runOf(page, shaped('صفحة', 'arabic'));
  });

  it('renders an English letter left to right and the same facts to the same bytes', async () => {
    const english = { ...facts, language: 'en' as const, reason: 'Numbness in the right hand.', question: 'Is there a median nerve entrapment?' };
    const bytes = await renderReferralLetterPdf(english);
    const [page = []] = (await readPdfRuns(bytes)).pages;
    const reason = runOf(page, shaped('Reason for referral', 'latin', 'bold'));
    const numbness = runOf(page, shaped('Numbness in the right hand.', 'latin'));
    expect(reason.x).toBeCloseTo(numbness.x, 1);
    // The Arabic name inside the English letter is still shaped.
    runOf(page, shaped('ليلى', 'arabic'));
    expect(Buffer.from(await renderReferralLetterPdf(english)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('leaves out sections with nothing in them and greets a recipient with no name as a colleague', async () => {
    const sparse = { ...facts, recipient: { name: ' ' }, reason: ' \u2066\u2069 ', testsSuggested: [{ label: '' }], findings: ['  '], outcomes: [] };
    const [page = []] = (await readPdfRuns(await renderReferralLetterPdf(sparse))).pages;
    const drawn = (outlines: string[]) => page.some((r) => r.outlines.join() === outlines.join());
    expect(drawn(shaped('الإحالة', 'arabic', 'bold'))).toBe(false);
    expect(drawn(shaped('الفحوصات', 'arabic', 'bold'))).toBe(false);
    expect(drawn(shaped('الزميل', 'arabic'))).toBe(true);
    await expect(renderReferralLetterPdf({ ...facts, signedBy: { ...facts.signedBy, signedAt: 'yesterday' } })).rejects.toThrow(RangeError);
  });
});
