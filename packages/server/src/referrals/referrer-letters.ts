import type { Sql } from '../database/database.ts';
import { storeDocument } from '../documents/store-document.ts';
import { renderClinicLetterPdf, type ClinicLetter } from '../letters/clinic-letter.ts';
import { isolate } from '../letters/letter-document.ts';
import { formatLetterDate } from '../letters/letter-wording.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/**
 * The letters to a doctor who referred a patient in: the acknowledgement and, at discharge, the
 * discharge summary. Each is a PDF on the clinic's letterhead in the referral's language (the same
 * letter engine as the referral letter), stored immutably with its SHA-256 and attached to the email.
 * The wording states what happened; it makes no clinical claim of its own.
 */

type Language = 'en' | 'ar';

interface Recipient {
  name: string;
  organisation?: string | null | undefined;
}

async function letterhead(sql: Sql, language: Language): Promise<ClinicLetter['clinic']> {
  const clinic = await loadClinic(sql);
  return { name: clinic.name[language], address: clinic.address[language], phone: clinic.phone, email: clinic.email, timeZone: clinic.timeZone };
}

function recipientOf(r: Recipient): ClinicLetter['recipient'] {
  return { name: r.name, ...(r.organisation ? { organisation: r.organisation } : {}) };
}

const ACK = {
  en: {
    subject: 'Referral received',
    body: (patient: string, clinic: string) => [
      `Thank you for referring ${patient} to ${clinic}. We have received your referral and will contact the patient to book a first visit.`,
      'When the episode of care ends, we will send you a discharge summary.',
    ],
    reference: (id: string) => `Referral reference: ${id}`,
    title: (patient: string) => `Acknowledgement of referral: ${patient}`,
  },
  ar: {
    subject: 'تأكيد استلام الإحالة',
    body: (patient: string, clinic: string) => [
      `شكرًا لإحالتكم ${patient} إلى ${clinic}. استلمنا الإحالة وسنتواصل مع المريض لحجز أول زيارة.`,
      'وعند انتهاء فترة الرعاية سنرسل إليكم ملخص الخروج.',
    ],
    reference: (id: string) => `مرجع الإحالة: ${id}`,
    title: (patient: string) => `تأكيد استلام إحالة: ${patient}`,
  },
} as const;

export interface AcknowledgementFacts {
  referralId: string;
  referrer: Recipient;
  patient: { name: string; dateOfBirth?: string | undefined };
  language: Language;
  issuedOn: string;
  /** When the letter is written (the app's clock). */
  at?: Date;
}

/** The acknowledgement letter's PDF on the clinic's letterhead (pure: no database). */
export function renderAcknowledgementPdf(clinic: ClinicLetter['clinic'], input: AcknowledgementFacts): Promise<Uint8Array> {
  const w = ACK[input.language];
  return renderClinicLetterPdf({
    language: input.language,
    issuedOn: input.issuedOn,
    clinic,
    recipient: recipientOf(input.referrer),
    patient: { name: input.patient.name, ...(input.patient.dateOfBirth ? { dateOfBirth: input.patient.dateOfBirth } : {}) },
    subject: w.subject,
    paragraphs: [...w.body(input.patient.name, clinic.name), w.reference(input.referralId)],
  });
}

/** The acknowledgement letter, stored; returns the document's id for the email to attach. */
export async function issueAcknowledgementLetter(sql: Sql, input: AcknowledgementFacts): Promise<string> {
  const bytes = await renderAcknowledgementPdf(await letterhead(sql, input.language), input);
  const document = await storeDocument(sql, {
    patientId: null,
    referralId: input.referralId,
    kind: 'referral_acknowledgement',
    mediaType: 'application/pdf',
    language: input.language,
    title: ACK[input.language].title(input.patient.name),
    bytes,
    createdBy: null,
    ...(input.at ? { at: input.at } : {}),
  });
  return document.id;
}

const DISCHARGE = {
  en: {
    subject: 'Discharge summary',
    opening: (patient: string) => `${patient}, whom you referred to us, has completed an episode of care and has been discharged.`,
    complaint: (c: string) => `Presenting complaint: ${c}.`,
    dates: (from: string, to: string) => `Episode of care: ${from} to ${to}.`,
    reason: (r: string) => `Reason for discharge: ${r}.`,
    outcome: (measure: string, first: string, last: string) => `${measure}: ${first} at the start, ${last} at discharge.`,
    outcomeOnce: (measure: string, first: string) => `${measure}: ${first}, measured once (at the start).`,
    noOutcome: 'No outcome measure was scored during this episode.',
    reasons: {
      goals_met: 'the goals of care were met',
      plateau: 'no further progress expected',
      referred_on: 'referred on',
      patient_choice: "the patient's choice",
    },
    reference: (id: string) => `Referral reference: ${id}`,
    title: (patient: string) => `Discharge summary: ${patient}`,
  },
  ar: {
    subject: 'ملخص الخروج',
    // Gender-neutral, as the greeting is (المحترم/ة): the letter does not know the patient's sex.
    opening: (patient: string) => `اكتملت فترة رعاية ${patient} (المُحال/ة إلينا منكم)، وأُنهي العلاج لدينا.`,
    complaint: (c: string) => `الشكوى الرئيسية: ${c}.`,
    dates: (from: string, to: string) => `فترة الرعاية: من ${from} إلى ${to}.`,
    reason: (r: string) => `سبب الإنهاء: ${r}.`,
    // The measure's name (Latin letters) is isolated so it cannot pull the score to its side (UAX #9).
    outcome: (measure: string, first: string, last: string) => `مقياس ${isolate(measure)}: ${first} عند البدء، و${last} عند الإنهاء.`,
    outcomeOnce: (measure: string, first: string) => `مقياس ${isolate(measure)}: ${first}، قيس مرة واحدة (عند البدء).`,
    noOutcome: 'لم يُسجَّل أي مقياس للنتائج خلال هذه الفترة.',
    reasons: { goals_met: 'تحققت أهداف الرعاية', plateau: 'لا يُتوقع تحسن إضافي', referred_on: 'أحيل إلى جهة أخرى', patient_choice: 'اختيار المريض' },
    reference: (id: string) => `مرجع الإحالة: ${id}`,
    title: (patient: string) => `ملخص الخروج: ${patient}`,
  },
} as const;

export interface DischargeFacts {
  referralId: string;
  patientId: string | null;
  referrer: Recipient;
  patient: { name: string };
  language: Language;
  issuedOn: string;
  episode: { complaint: string; startedOn: string; endedOn: string; reason: string };
  outcome: { measure: string; baseline: string | null; latest: string | null } | null;
  /** When the letter is written (the app's clock). */
  at?: Date;
}

/** The discharge summary's PDF on the clinic's letterhead (pure: no database). */
export function renderDischargePdf(clinic: ClinicLetter['clinic'], input: DischargeFacts): Promise<Uint8Array> {
  const { language, episode, outcome } = input;
  const w = DISCHARGE[language];
  const day = (value: string) => (value ? formatLetterDate(value, language) : '—');
  const reason = (w.reasons as Record<string, string>)[episode.reason] ?? episode.reason;
  return renderClinicLetterPdf({
    language,
    issuedOn: input.issuedOn,
    clinic,
    recipient: recipientOf(input.referrer),
    patient: { name: input.patient.name },
    subject: w.subject,
    paragraphs: [
      w.opening(input.patient.name),
      w.complaint(episode.complaint),
      w.dates(day(episode.startedOn), day(episode.endedOn)),
      w.reason(reason),
      !outcome?.baseline
        ? w.noOutcome
        : outcome.latest
          ? w.outcome(outcome.measure, outcome.baseline, outcome.latest)
          : w.outcomeOnce(outcome.measure, outcome.baseline),
      w.reference(input.referralId),
    ],
  });
}

/** The discharge summary letter, stored; returns the document's id for the email to attach. */
export async function issueDischargeLetter(sql: Sql, input: DischargeFacts): Promise<string> {
  const bytes = await renderDischargePdf(await letterhead(sql, input.language), input);
  const document = await storeDocument(sql, {
    patientId: input.patientId,
    referralId: input.referralId,
    kind: 'discharge_summary',
    mediaType: 'application/pdf',
    language: input.language,
    title: DISCHARGE[input.language].title(input.patient.name),
    bytes,
    createdBy: null,
    ...(input.at ? { at: input.at } : {}),
  });
  return document.id;
}
