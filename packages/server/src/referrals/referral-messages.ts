import type { Sql } from '../database/database.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import type { ReferralRow } from '../stores/referral-store.ts';

/**
 * The referral network's email, through the outbox (one dedupe key each, so a retried request
 * sends nothing twice). These go to other clinicians, not to the patient: plain text in the
 * language of the referral, the clinic's name and contact at the foot.
 */
export const REFERRAL_MESSAGE_KINDS = { letter: 'referral_letter', acknowledgement: 'referral_acknowledgement', discharge: 'referral_discharge' } as const;

async function footer(sql: Sql, language: 'en' | 'ar'): Promise<string> {
  const clinic = await loadClinic(sql);
  return ['--', clinic.name[language], clinic.address[language], clinic.phone, clinic.email].filter(Boolean).join('\n');
}

/** The signed referral, to the provider's email, with the signed letter (a stored PDF) attached. */
export async function enqueueReferralLetter(sql: Sql, referral: ReferralRow, recipient: string, linkSecret: string, now: Date): Promise<void> {
  const ar = referral.language === 'ar';
  const tests = referral.testsSuggested.map((t) => `- ${t.label}`).join('\n');
  const body = ar
    ? [
        `إلى ${referral.providerName ?? ''}،`,
        '',
        `نحيل إليكم المريض/المريضة ${referral.patientName ?? ''}.`,
        `درجة الاستعجال: ${URGENCY.ar[referral.urgency]}`,
        `سبب الإحالة: ${referral.reason}`,
        referral.question ? `السؤال: ${referral.question}` : '',
        tests ? `الفحوص المقترحة:\n${tests}` : '',
        '',
        `وقّعها: ${referral.signedByName ?? ''}`,
        `مرجع الإحالة: ${referral.id}`,
      ]
    : [
        `Dear ${referral.providerName ?? 'colleague'},`,
        '',
        `We refer ${referral.patientName ?? 'our patient'} to you.`,
        `Urgency: ${URGENCY.en[referral.urgency]}`,
        `Reason: ${referral.reason}`,
        referral.question ? `Question: ${referral.question}` : '',
        tests ? `Tests suggested:\n${tests}` : '',
        '',
        `Signed by ${referral.signedByName ?? ''}`,
        `Referral reference: ${referral.id}`,
      ];
  await enqueue(
    sql,
    {
      dedupeKey: `${REFERRAL_MESSAGE_KINDS.letter}:${referral.id}`,
      kind: REFERRAL_MESSAGE_KINDS.letter,
      recipient,
      subject: ar ? `إحالة: ${referral.patientName ?? ''}` : `Referral: ${referral.patientName ?? ''}`,
      body: [...body.filter((line, i, all) => line !== '' || all[i - 1] !== ''), '', await footer(sql, referral.language)].join('\n'),
      attachments: [],
      documentIds: referral.letterDocumentId ? [referral.letterDocumentId] : [],
      sendAfter: now,
    },
    linkSecret,
  );
}

/** "We received your referral": to the referrer of an inbound referral, when the public form is sent. */
export async function enqueueReferralAcknowledgement(
  sql: Sql,
  input: { referralId: string; referrerName: string; referrerEmail: string; patientName: string; language: 'en' | 'ar'; documentId?: string },
  linkSecret: string,
  now: Date,
): Promise<void> {
  const clinic = await loadClinic(sql);
  const ar = input.language === 'ar';
  const body = ar
    ? [
        `${input.referrerName}،`,
        '',
        `شكراً لإحالتكم ${input.patientName} إلى ${clinic.name.ar}. سنتواصل مع المريض لحجز أول زيارة.`,
        '',
        `مرجع الإحالة: ${input.referralId}`,
      ]
    : [
        `Dear ${input.referrerName},`,
        '',
        `Thank you for referring ${input.patientName} to ${clinic.name.en}. We will contact the patient to book a first visit.`,
        '',
        `Referral reference: ${input.referralId}`,
      ];
  await enqueue(
    sql,
    {
      dedupeKey: `${REFERRAL_MESSAGE_KINDS.acknowledgement}:${input.referralId}`,
      kind: REFERRAL_MESSAGE_KINDS.acknowledgement,
      recipient: input.referrerEmail,
      subject: ar ? `استلمنا إحالتكم: ${input.patientName}` : `Referral received: ${input.patientName}`,
      body: [...body, '', await footer(sql, input.language)].join('\n'),
      attachments: [],
      documentIds: input.documentId ? [input.documentId] : [],
      sendAfter: now,
    },
    linkSecret,
  );
}

/** The discharge summary, to the doctor who referred the patient in, when the episode of care ends. */
export async function enqueueDischargeSummary(
  sql: Sql,
  input: {
    referral: ReferralRow;
    episode: { id: string; complaint: string; startedOn: string; endedOn: string; reason: string };
    outcome: { measure: string; baseline: string | null; latest: string | null } | null;
    /** The discharge letter (a stored PDF) to attach. */
    documentId?: string;
  },
  linkSecret: string,
  now: Date,
): Promise<void> {
  const { referral, episode, outcome } = input;
  if (!referral.referrerEmail) return;
  const language = referral.language;
  const ar = language === 'ar';
  const name = referral.patientName ?? referral.referredPatient?.name ?? '';
  const measure = outcome ? `${outcome.measure}: ${outcome.baseline ?? '–'} → ${outcome.latest ?? '–'}` : '';
  const body = ar
    ? [
        `${referral.referrerName ?? ''}،`,
        '',
        `أنهينا فترة رعاية ${name} التي أحلتموها إلينا.`,
        `الشكوى: ${episode.complaint}`,
        `من ${episode.startedOn} إلى ${episode.endedOn}`,
        `سبب الإنهاء: ${DISCHARGE.ar[episode.reason] ?? episode.reason}`,
        measure ? `القياس: ${measure}` : '',
        '',
        `مرجع الإحالة: ${referral.id}`,
      ]
    : [
        `Dear ${referral.referrerName ?? 'colleague'},`,
        '',
        `${name}, whom you referred to us, has been discharged.`,
        `Complaint: ${episode.complaint}`,
        `Episode: ${episode.startedOn} to ${episode.endedOn}`,
        `Discharge reason: ${DISCHARGE.en[episode.reason] ?? episode.reason}`,
        measure ? `Outcome: ${measure}` : '',
        '',
        `Referral reference: ${referral.id}`,
      ];
  await enqueue(
    sql,
    {
      dedupeKey: `${REFERRAL_MESSAGE_KINDS.discharge}:${referral.id}:${episode.id}`,
      kind: REFERRAL_MESSAGE_KINDS.discharge,
      recipient: referral.referrerEmail,
      subject: ar ? `ملخص الخروج: ${name}` : `Discharge summary: ${name}`,
      body: [...body.filter((line) => line !== ''), '', await footer(sql, language)].join('\n'),
      attachments: [],
      documentIds: input.documentId ? [input.documentId] : [],
      sendAfter: now,
    },
    linkSecret,
  );
}

const URGENCY = {
  en: { emergency: 'emergency', same_day: 'same day', soon: 'soon (within two weeks)', routine: 'routine' },
  ar: { emergency: 'طارئة', same_day: 'في اليوم نفسه', soon: 'قريباً (خلال أسبوعين)', routine: 'روتينية' },
} as const;

const DISCHARGE: Record<'en' | 'ar', Record<string, string>> = {
  en: { goals_met: 'goals met', plateau: 'no further progress expected', referred_on: 'referred on', patient_choice: "the patient's choice" },
  ar: { goals_met: 'تحققت الأهداف', plateau: 'لا يُتوقع تحسن إضافي', referred_on: 'أحيل إلى جهة أخرى', patient_choice: 'اختيار المريض' },
};
