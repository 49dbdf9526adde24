import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { storeDocument } from '../documents/store-document.ts';
import { renderReferralLetterPdf, type ReferralLetterFacts } from '../letters/referral-letter.ts';
import type { Actor } from '../lib/audit.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { listPatientEpisodes } from '../stores/episode-store.ts';
import { listEpisodeMeasurements } from '../stores/measurement-store.ts';
import { findPatient } from '../stores/patient-store.ts';
import { findProvider, type ReferralRow } from '../stores/referral-store.ts';
import { clinicToday } from './referral-view.ts';
import { screeningFindings } from './screening-findings.ts';

/** The letter's urgency words: the screening's same-day is the letter's "urgent". */
const LETTER_URGENCY = { emergency: 'emergency', same_day: 'urgent', soon: 'soon', routine: 'routine' } as const;

/**
 * The signed referral's letter (PDF in the referral's language, the clinic's letterhead), stored
 * immutably as a document with its SHA-256 (documents/, migration 0024), in the signing transaction.
 * It carries what the referrer chose to attach: the screen's red flags and the outcome history.
 */
export async function issueReferralLetter(ctx: AppContext, tx: Sql, referral: ReferralRow, actor: Actor): Promise<string | null> {
  const patientId = referral.patientId;
  if (!patientId || !referral.signedAt) return null;
  const language = referral.language;
  const clinic = await loadClinic(tx);
  const patient = await findPatient(tx, patientId);
  const provider = referral.providerId ? await findProvider(tx, referral.providerId) : undefined;
  const facts: ReferralLetterFacts = {
    language,
    referralId: referral.id,
    issuedOn: await clinicToday(ctx, tx),
    clinic: { name: clinic.name[language], address: clinic.address[language], phone: clinic.phone, email: clinic.email, timeZone: clinic.timeZone },
    recipient: {
      name: provider?.entity === 'practitioner' ? provider.name : '',
      organisation: provider?.entity === 'practitioner' ? (provider.organisation ?? '') : (provider?.name ?? ''),
      ...(provider?.address ? { address: provider.address } : {}),
    },
    patient: {
      name: patient?.name ?? referral.patientName ?? '',
      ...(patient?.dateOfBirth ? { dateOfBirth: patient.dateOfBirth } : {}),
      ...(patient?.phone ? { phone: patient.phone } : {}),
    },
    urgency: LETTER_URGENCY[referral.urgency],
    reason: referral.reason,
    question: referral.question,
    testsSuggested: referral.testsSuggested,
    findings: referral.attachments.includes('findings') ? await redFlagFindings(tx, patientId, language) : [],
    outcomes: referral.attachments.includes('outcomes') ? await outcomeHistory(tx, patientId) : [],
    signedBy: { name: referral.signedByName ?? '', role: language === 'ar' ? 'طبيب' : 'Physician', signedAt: referral.signedAt.toISOString() },
  };
  const bytes = await renderReferralLetterPdf(facts);
  const document = await storeDocument(tx, {
    patientId,
    referralId: referral.id,
    kind: 'referral_letter',
    mediaType: 'application/pdf',
    language,
    title: language === 'ar' ? `رسالة إحالة: ${facts.patient.name}` : `Referral letter: ${facts.patient.name}`,
    bytes,
    createdBy: actor.id ?? null,
    at: ctx.clock.now(),
  });
  return document.id;
}

async function redFlagFindings(tx: Sql, patientId: string, language: 'en' | 'ar'): Promise<string[]> {
  return (await screeningFindings(tx, patientId)).map((f) => f[language]);
}

/** Each episode's main measure, first and latest score. */
async function outcomeHistory(tx: Sql, patientId: string): Promise<ReferralLetterFacts['outcomes']> {
  const outcomes: ReferralLetterFacts['outcomes'] = [];
  for (const episode of await listPatientEpisodes(tx, patientId)) {
    const scored = (await listEpisodeMeasurements(tx, episode.id)).filter((m) => m.instrumentId === episode.primaryInstrumentId && m.score !== null);
    const first = scored[0];
    const last = scored.at(-1);
    if (!first) continue;
    outcomes.push({
      measure: `${episode.primaryInstrumentId.toUpperCase()} · ${episode.complaint}`,
      baseline: String(first.score),
      ...(last && last !== first ? { latest: String(last.score) } : {}),
    });
  }
  return outcomes;
}
