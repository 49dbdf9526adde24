import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { formatForPeople } from '../lib/zoned-time.ts';
import { renderClinicLetterPdf } from '../letters/clinic-letter.ts';
import { describeBooking } from '../scheduling/manage-booking.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findLatestConsent } from '../stores/consent-store.ts';
import { findPortalPatient, listPatientScores, listPatientVisits } from '../stores/portal-store.ts';

const WORDS = {
  en: {
    subject: 'Summary of your record',
    intro: 'This summary lists your visits, your scores and your consent as the clinic keeps them. The full record is the FHIR download in the portal.',
    visits: 'Visits',
    noVisits: 'No visits.',
    scores: 'Scores',
    noScores: 'No scores yet.',
    consent: 'Consent',
    consentSigned: (date: string, version: string) => `Signed on ${date} (version ${version}).`,
    noConsent: 'No consent signed.',
    status: { confirmed: 'booked', cancelled: 'cancelled', completed: 'attended', no_show: 'missed' } as Record<string, string>,
  },
  ar: {
    subject: 'ملخص ملفك',
    intro: 'يعرض هذا الملخص زياراتك ونتائجك وموافقتك كما تحفظها العيادة. الملف الكامل هو ملف FHIR الذي تنزله من البوابة.',
    visits: 'الزيارات',
    noVisits: 'لا توجد زيارات.',
    scores: 'النتائج',
    noScores: 'لا توجد نتائج بعد.',
    consent: 'الموافقة',
    consentSigned: (date: string, version: string) => `وُقعت في ${date} (الإصدار ${version}).`,
    noConsent: 'لم تُوقع موافقة.',
    status: { confirmed: 'محجوزة', cancelled: 'ملغاة', completed: 'تمت', no_show: 'لم يحضر' } as Record<string, string>,
  },
} as const;

/**
 * A one-letter PDF summary of the signed-in patient's record, in their language, on the clinic's
 * letterhead (letters/clinic-letter.ts, which shapes Arabic). Visits, scores and consent only: the
 * FHIR download is the whole record.
 */
export async function summarisePortalRecord(ctx: AppContext, patientId: string, language: 'en' | 'ar', actor: Actor): Promise<Uint8Array> {
  const facts = await ctx.db.transaction(async (tx) => {
    const patient = await findPortalPatient(tx, patientId);
    if (!patient) throw new AppError('not_found', 'No such patient.');
    const clinic = await loadClinic(tx);
    const now = ctx.clock.now();
    const visits = [];
    for (const row of await listPatientVisits(tx, patientId)) visits.push({ row, view: await describeBooking(tx, row, clinic, now) });
    const scores = await listPatientScores(tx, patientId);
    const consent = await findLatestConsent(tx, patientId);
    await writeAudit(tx, actor, {
      action: 'portal.summary.read',
      entityType: 'patient',
      entityId: patientId,
      after: { visits: visits.length, scores: scores.length },
    });
    return { patient, clinic, now, visits, scores, consent };
  });
  const w = WORDS[language];
  const { clinic } = facts;
  const pick = (text: { en: string; ar: string }) => (language === 'ar' ? text.ar || text.en : text.en);
  const visitLines = facts.visits.map(
    ({ row, view }) =>
      `${formatForPeople(row.startsAt, clinic.timeZone, language)}: ${pick(view.serviceName)}, ${pick(view.practitionerName)} (${w.status[row.status] ?? row.status})`,
  );
  const scoreLines = INSTRUMENTS.flatMap((instrument) => {
    const own = facts.scores.filter((s) => s.instrumentId === instrument.id);
    if (own.length === 0) return [];
    return [`${pick(instrument.name)}: ${own.map((s) => `${s.takenOn} ${Math.round(s.score * 10) / 10}`).join(' · ')}`];
  });
  const consent = facts.consent
    ? w.consentSigned(formatForPeople(new Date(facts.consent.signedAt), clinic.timeZone, language), facts.consent.version)
    : w.noConsent;
  return renderClinicLetterPdf({
    language,
    issuedOn: facts.now.toISOString().slice(0, 10),
    clinic: { name: pick(clinic.name), address: pick(clinic.address), phone: clinic.phone, email: clinic.email, timeZone: clinic.timeZone },
    recipient: { name: facts.patient.name },
    patient: { name: facts.patient.name, dateOfBirth: facts.patient.dateOfBirth ?? undefined },
    subject: w.subject,
    paragraphs: [
      w.intro,
      w.visits,
      ...(visitLines.length > 0 ? visitLines : [w.noVisits]),
      w.scores,
      ...(scoreLines.length > 0 ? scoreLines : [w.noScores]),
      w.consent,
      consent,
    ],
  });
}
