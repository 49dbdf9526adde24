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
  letter.paragraph(filled(facts.recipient.name) ? w.greeting(facts.recipient.name.trim()) : w.greetingGeneric, { gap: 2 });
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

  // A section with nothing in it is left out, not printed as a bare heading.
  for (const [heading, text] of [
    [w.reason, facts.reason],
    [w.question, facts.question],
  ] as const) {
    if (!filled(text)) continue;
    letter.heading(heading);
    letter.paragraph(text);
  }
  const tests = facts.testsSuggested.filter((t) => filled(t.label)).map((t) => (t.code ? `${t.label} (${t.code})` : t.label));
  if (tests.length > 0) {
    letter.heading(w.testsSuggested);
    letter.bullets(tests);
  }
  const findings = facts.findings.filter(filled);
  if (findings.length > 0) {
    letter.heading(w.findings);
    letter.bullets(findings);
  }
  const outcomes = facts.outcomes.filter((o) => filled(o.measure));
  if (outcomes.length > 0) {
    letter.heading(w.outcomes);
    letter.table(
      [
        { header: w.measure, share: 3 },
        { header: w.baseline, share: 1.4 },
        { header: w.latest, share: 1.4 },
      ],
      outcomes.map((o) => [o.measure, o.baseline ?? w.notRecorded, o.latest ?? w.notRecorded]),
    );
  }

  letter.paragraph(w.closing, { gap: 10 });
  signature(letter, facts.signedBy, facts.language, zone);
  return letter.finish(w.page, w.confidential);
}

/** Text with something to read in it (bidi controls and spaces alone are nothing). */
export function filled(text: string | undefined): text is string {
  return text !== undefined && text.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim() !== '';
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
