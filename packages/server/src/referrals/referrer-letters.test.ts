import { describe, expect, it } from 'vitest';
import { letterFonts } from '../letters/letter-fonts.ts';
import { readPdfRuns, type DrawnRun } from '../test-support/read-pdf-runs.ts';
import { renderAcknowledgementPdf, renderDischargePdf } from './referrer-letters.ts';

const clinic = { name: 'مركز د. أمل القضرة الطبي', address: 'الشارقة', phone: '+971 6 555 0100', email: 'clinic@example.com' };
const referrer = { name: 'د. ليلى حسن', organisation: 'عيادة القاسمية' };

/** fontkit's shaping of `text` (the outlines the PDF must draw for it). */
function shaped(text: string, weight: 'regular' | 'bold' = 'regular'): string[] {
  const font = letterFonts(weight).find((f) => f.subset === 'arabic')?.font;
  if (!font) throw new Error('no arabic font');
  return font.layout(text).glyphs.map((g) => g.path.toSVG());
}

/** Whether some drawn run holds exactly these glyphs in a row. */
function draws(runs: DrawnRun[], outlines: string[]): boolean {
  return runs.some((run) => run.outlines.some((_, i) => outlines.every((o, j) => run.outlines[i + j] === o)));
}

describe('letters to a referring doctor', () => {
  it('sets the Arabic acknowledgement and discharge summary on one page each, with joined Arabic letters', async () => {
    const ack = await readPdfRuns(
      await renderAcknowledgementPdf(clinic, { referralId: 'r-1', referrer, patient: { name: 'نورة سعيد' }, language: 'ar', issuedOn: '2026-12-02' }),
    );
    expect(ack.pageCount).toBe(1);
    expect(draws(ack.pages[0] ?? [], shaped('الإحالة', 'bold'))).toBe(true);
    const discharge = await readPdfRuns(
      await renderDischargePdf(clinic, {
        referralId: 'r-1',
        patientId: 'p-1',
        referrer,
        patient: { name: 'نورة سعيد' },
        language: 'ar',
        issuedOn: '2026-12-20',
        episode: { complaint: 'ألم الرقبة', startedOn: '2026-12-02', endedOn: '2026-12-20', reason: 'goals_met' },
        outcome: { measure: 'NPRS', baseline: '7', latest: '3' },
      }),
    );
    expect(discharge.pageCount).toBe(1);
    expect(draws(discharge.pages[0] ?? [], shaped('الخروج', 'bold'))).toBe(true);
    expect(draws(discharge.pages[0] ?? [], shaped('الرعاية'))).toBe(true);
    // Letters are drawn joined, not as the isolated forms typed one by one.
    const isolated = [...'الرعاية'].flatMap((letter) => shaped(letter));
    expect(draws(discharge.pages[0] ?? [], isolated)).toBe(false);
  });

  it('writes the same facts to the same bytes (the letter is stored and hashed)', async () => {
    const facts = { referralId: 'r-2', referrer: { name: 'Dr. Sami Aziz' }, patient: { name: 'Omar Haddad' }, language: 'en' as const, issuedOn: '2026-12-02' };
    const first = await renderAcknowledgementPdf({ name: 'Myomap Clinic' }, facts);
    const second = await renderAcknowledgementPdf({ name: 'Myomap Clinic' }, facts);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
