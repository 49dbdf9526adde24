import { renderReferralLetterPdf, type ReferralLetterFacts } from '../packages/server/src/letters/referral-letter.ts';
import type { BenchResult } from './bench-types.ts';

const RUNS = 20;

const facts: Omit<ReferralLetterFacts, 'language'> = {
  referralId: 'REF-2026-0042',
  issuedOn: '2026-12-02',
  clinic: { name: 'عيادة مايوماب', address: 'شارع الوصل 12، دبي', phone: '+971 4 555 0100', email: 'clinic@example.com' },
  recipient: { name: 'د. ليلى حداد', organisation: 'مركز المدينة لطب الأعصاب', service: 'تخطيط الأعصاب والعضلات (EMG)' },
  patient: { name: 'سارة أحمد', dateOfBirth: '1985-04-17', sex: 'female', phone: '+971 50 123 4567', reference: 'P-00317' },
  urgency: 'urgent',
  reason: 'خدر في اليد اليمنى منذ ستة أسابيع، يزداد ليلًا، مع ضعف عند القبض. هاتف المريضة +971 50 123 4567 للتواصل.',
  question: 'هل توجد علامات على انضغاط العصب المتوسط عند الرسغ أو اعتلال جذري عنقي؟ نقترح إجراء EMG وتخطيط سرعة التوصيل العصبي (NCS).',
  testsSuggested: [{ code: 'NCS', label: 'دراسة التوصيل العصبي' }, { label: 'تخطيط كهربية العضلات (EMG) للطرف العلوي الأيمن' }],
  findings: Array.from({ length: 8 }, (_, i) => `ملاحظة ${i + 1}: ضعف في قوة القبضة اليمنى عند الفحص.`),
  outcomes: [
    { measure: 'الألم (NPRS 0–10)', baseline: '7', latest: '5' },
    { measure: 'مؤشر إعاقة الرقبة (NDI)', baseline: '32%', latest: '24%' },
  ],
  signedBy: { name: 'د. عمر خليل', role: 'طبيب', signedAt: '2026-12-02T09:15:00Z' },
};

/**
 * One referral letter rendered to PDF, in Arabic and in English wording over the same facts: the
 * first (fonts read and unpacked) and the median of the next runs. Signing a referral renders one.
 */
export async function runLettersBench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const language of ['ar', 'en'] as const) {
    let started = performance.now();
    const first = await renderReferralLetterPdf({ ...facts, language });
    const firstMs = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      started = performance.now();
      await renderReferralLetterPdf({ ...facts, language });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({
      bench: `referral letter PDF (${language})`,
      firstMs: Math.round(firstMs),
      medianMs: Math.round(times[Math.floor(RUNS / 2)] ?? 0),
      p90Ms: Math.round(times[Math.floor(RUNS * 0.9)] ?? 0),
      bytes: first.length,
    });
  }
  return results;
}
