import { LetterWriter } from './letter-document.ts';
import { formatLetterDate, wordingFor } from './letter-wording.ts';

/** Everything a referral letter says; the referral lifecycle gathers it when the physician signs. */
export interface ReferralLetterFacts {
  language: 'en' | 'ar';
  referralId: string;
  /** ISO date, clinic day. */
  issuedOn: string;
  clinic: { name: string; address?: string; phone?: string; email?: string; website?: string; timeZone?: string };
  recipient: { name: string; organisation?: string; service?: string; address?: string };
  patient: { name: string; dateOfBirth?: string; sex?: string; phone?: string; reference?: string };
  urgency: 'emergency' | 'urgent' | 'soon' | 'routine';
  /** Why we refer (free text from the referrer). */
  reason: string;
  /** The question asked of the recipient. */
  question: string;
  testsSuggested: { code?: string; label: string }[];
  /** Relevant findings (red flags, assessment), plain sentences. */
  findings: string[];
  outcomes: { measure: string; baseline?: string; latest?: string }[];
  /** The physician. */
  signedBy: { name: string; role: string; signedAt: string };
}

/** Renders a signed referral letter as an A4 PDF in the letter's language, with the clinic's letterhead. */
export async function renderReferralLetterPdf(facts: ReferralLetterFacts): Promise<Uint8Array> {
  const w = wordingFor(facts.language);
  const zone = facts.clinic.timeZone ?? 'UTC';
  const letter = new LetterWriter(facts.language, {
    title: `${w.referralTitle}: ${facts.patient.name}`,
    author: facts.clinic.name,
    createdAt: new Date(facts.signedBy.signedAt),
  });
  letter.letterhead(facts.clinic);
  letter.fields([
    [w.date, formatLetterDate(facts.issuedOn, facts.language)],
    [w.reference, facts.referralId],
  ]);
  const comma = facts.language === 'ar' ? '، ' : ', ';
  letter.fields([
    [w.to, facts.recipient.name],
    ['', [facts.recipient.service, facts.recipient.organisation].filter(Boolean).join(comma)],
    ['', facts.recipient.address],
  ]);

  letter.paragraph(w.referralTitle, { size: 14, weight: 'bold', gap: 6 });
  letter.paragraph(w.greeting(facts.recipient.name), { gap: 2 });
  letter.paragraph(w.referralOpening, { gap: 8 });

  letter.heading(w.patient);
  letter.fields([
    [w.name, facts.patient.name],
    [w.dateOfBirth, facts.patient.dateOfBirth ? formatLetterDate(facts.patient.dateOfBirth, facts.language) : undefined],
    [w.sex, facts.patient.sex ? (w.sexes[facts.patient.sex] ?? facts.patient.sex) : undefined],
    [w.phone, facts.patient.phone],
    [w.patientReference, facts.patient.reference],
    [w.urgency, w.urgencies[facts.urgency]],
  ]);

  letter.heading(w.reason);
  letter.paragraph(facts.reason);
  letter.heading(w.question);
  letter.paragraph(facts.question);

  if (facts.testsSuggested.length > 0) {
    letter.heading(w.testsSuggested);
    letter.bullets(facts.testsSuggested.map((t) => (t.code ? `${t.label} (${t.code})` : t.label)));
  }
  if (facts.findings.length > 0) {
    letter.heading(w.findings);
    letter.bullets(facts.findings);
  }
  if (facts.outcomes.length > 0) {
    letter.heading(w.outcomes);
    letter.table(
      [
        { header: w.measure, share: 3 },
        { header: w.baseline, share: 1.4 },
        { header: w.latest, share: 1.4 },
      ],
      facts.outcomes.map((o) => [o.measure, o.baseline ?? w.notRecorded, o.latest ?? w.notRecorded]),
    );
  }

  letter.paragraph(w.closing, { gap: 10 });
  signature(letter, facts.signedBy, facts.language, zone);
  return letter.finish(w.page, w.confidential);
}

/** The signature block: regards, the physician's name and role, when it was signed. */
export function signature(letter: LetterWriter, signedBy: { name: string; role: string; signedAt: string }, language: 'en' | 'ar', timeZone: string): void {
  const w = wordingFor(language);
  letter.ensureSpace(letter.lineHeight() * 5);
  letter.paragraph(w.regards, { gap: 6, keepTogether: true });
  letter.paragraph(signedBy.name, { weight: 'bold', gap: 0 });
  letter.paragraph(signedBy.role, { gap: 0 });
  letter.paragraph(w.signedElectronically(formatLetterDate(signedBy.signedAt, language, timeZone)), { size: 9, color: '#555555' });
}
