import type { LetterLanguage } from './letter-document.ts';

/**
 * The fixed wording of Myomap's letters, in English and Arabic. Plain professional correspondence:
 * it describes what the clinic asks and found, and makes no clinical claim of its own.
 */
export const LETTER_WORDING = {
  en: {
    referralTitle: 'Referral letter',
    date: 'Date',
    reference: 'Our reference',
    to: 'To',
    patient: 'Patient',
    name: 'Name',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    phone: 'Phone',
    patientReference: 'File number',
    urgency: 'Urgency',
    urgencies: { emergency: 'Emergency', urgent: 'Urgent', soon: 'Soon', routine: 'Routine' },
    sexes: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not recorded' } as Record<string, string>,
    greeting: (name: string) => `Dear ${name},`,
    greetingGeneric: 'Dear colleague,',
    referralOpening: 'We are referring the patient named below to you and would be grateful for your assessment.',
    reason: 'Reason for referral',
    question: 'Question for you',
    testsSuggested: 'Tests suggested',
    findings: 'Relevant findings',
    outcomes: 'Outcome measures',
    measure: 'Measure',
    baseline: 'At start',
    latest: 'Latest',
    notRecorded: '—',
    closing: 'Please contact us if you need any further information. Thank you for your help.',
    regards: 'Kind regards,',
    signedElectronically: (when: string) => `Signed electronically on ${when}`,
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    confidential: 'Confidential: this letter contains personal health information.',
  },
  ar: {
    referralTitle: 'رسالة إحالة',
    date: 'التاريخ',
    reference: 'رقم المرجع',
    to: 'إلى',
    patient: 'المريض',
    name: 'الاسم',
    dateOfBirth: 'تاريخ الميلاد',
    sex: 'الجنس',
    phone: 'الهاتف',
    patientReference: 'رقم الملف',
    urgency: 'درجة الاستعجال',
    urgencies: { emergency: 'طارئة', urgent: 'عاجلة', soon: 'في أقرب وقت ممكن', routine: 'اعتيادية' },
    sexes: { female: 'أنثى', male: 'ذكر', other: 'آخر', unknown: 'غير مسجّل' } as Record<string, string>,
    greeting: (name: string) => `حضرة ${name} المحترم/ة،`,
    greetingGeneric: 'الزميل/ة المحترم/ة،',
    referralOpening: 'تحية طيبة وبعد، نحيل إليكم المريض المذكور أدناه، ونرجو التكرم بتقييم حالته.',
    reason: 'سبب الإحالة',
    question: 'السؤال الموجّه إليكم',
    testsSuggested: 'الفحوصات المقترحة',
    findings: 'الملاحظات السريرية ذات الصلة',
    outcomes: 'مقاييس النتائج',
    measure: 'المقياس',
    baseline: 'عند البدء',
    latest: 'آخر قياس',
    notRecorded: '—',
    closing: 'يُرجى التواصل معنا إذا احتجتم إلى أي معلومات إضافية. شكرًا لتعاونكم.',
    regards: 'مع خالص التحية،',
    signedElectronically: (when: string) => `وُقّعت إلكترونيًا بتاريخ ${when}`,
    page: (page: number, pages: number) => `صفحة ${page} من ${pages}`,
    confidential: 'سرّي: تحتوي هذه الرسالة على معلومات صحية شخصية.',
  },
} as const;

export function wordingFor(language: LetterLanguage) {
  return LETTER_WORDING[language];
}

/** A calendar date (YYYY-MM-DD) or an instant as people read it, e.g. "2 December 2026" / "2 ديسمبر 2026". */
export function formatLetterDate(value: string, language: LetterLanguage, timeZone = 'UTC'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // Calendar dates carry no zone; an instant is shown in the clinic's zone.
  const zone = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-AE' : 'en-GB', { dateStyle: 'long', timeZone: zone }).format(date);
}
