import { LetterWriter, type Letterhead } from './letter-document.ts';
import { formatLetterDate, wordingFor } from './letter-wording.ts';
import { filled, signature } from './referral-letter.ts';

/**
 * Any other letter from the clinic on the same letterhead: the acknowledgement to a doctor who referred
 * a patient in, a discharge summary. The caller writes the subject and paragraphs in the letter's
 * language; this sets them.
 */
export interface ClinicLetter {
  language: 'en' | 'ar';
  /** ISO date, clinic day. */
  issuedOn: string;
  clinic: Letterhead & { timeZone?: string };
  recipient: { name: string; organisation?: string; service?: string; address?: string };
  patient?: { name: string; dateOfBirth?: string; reference?: string };
  subject: string;
  paragraphs: string[];
  signedBy?: { name: string; role: string; signedAt: string };
}

export async function renderClinicLetterPdf(letter: ClinicLetter): Promise<Uint8Array> {
  const w = wordingFor(letter.language);
  const comma = letter.language === 'ar' ? '، ' : ', ';
  const writer = new LetterWriter(letter.language, {
    title: letter.subject,
    author: letter.clinic.name,
    createdAt: new Date(letter.signedBy?.signedAt ?? `${letter.issuedOn}T00:00:00Z`),
  });
  writer.letterhead(letter.clinic);
  writer.fields([[w.date, formatLetterDate(letter.issuedOn, letter.language)]]);
  writer.fields([
    [w.to, letter.recipient.name],
    ['', [letter.recipient.service, letter.recipient.organisation].filter(Boolean).join(comma)],
    ['', letter.recipient.address],
  ]);
  if (letter.patient) {
    writer.fields([
      [w.patient, letter.patient.name],
      [w.dateOfBirth, letter.patient.dateOfBirth ? formatLetterDate(letter.patient.dateOfBirth, letter.language) : undefined],
      [w.patientReference, letter.patient.reference],
    ]);
  }
  writer.paragraph(letter.subject, { size: 14, weight: 'bold', gap: 6 });
  writer.paragraph(filled(letter.recipient.name) ? w.greeting(letter.recipient.name.trim()) : w.greetingGeneric, { gap: 4 });
  for (const paragraph of letter.paragraphs.filter(filled)) writer.paragraph(paragraph, { gap: 8 });
  if (letter.signedBy) signature(writer, letter.signedBy, letter.language, letter.clinic.timeZone ?? 'UTC');
  return writer.finish(w.page, w.confidential);
}
