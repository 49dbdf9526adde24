import { Value } from '@sinclair/typebox/value';
import { listGateReferrals } from '../stores/referral-store.ts';
import { findPossibleMatches } from '@myomap/domain/identity/find-possible-matches';
import { decideReasoningState } from '@myomap/domain/safety/decide-reasoning-state';
import { decideTreatmentGate, standingReview, type ReviewDecision, type ScreeningOutcome } from '@myomap/domain/safety/decide-treatment-gate';
import type { Localized } from '@myomap/domain/knowledge/knowledge-schemas';
import { findClearanceRequired } from '@myomap/domain/screening/find-clearance-required';
import { indexQuestionnaire } from '@myomap/domain/screening/intake-questionnaire';
import { consentTexts, intakeQuestionnaire } from '@myomap/domain/screening/intake-questionnaire-data';
import { listMissingRequired } from '@myomap/domain/screening/list-missing-required';
import { QuestionnaireResponse } from '@myomap/domain/screening/questionnaire-schemas';
import { responseFromAnswers } from '@myomap/domain/screening/response-from-answers';
import { answersFromQuestionnaireResponse, screenPatient } from '@myomap/domain/screening/screen-patient';
import { fillRecordFromIntake } from '../clinical/fill-record-from-intake.ts';
import { aboutYouFromPatient } from '../clinical/intake-demographics.ts';
import { patientView } from '../clinical/patient-view.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import type { AppointmentRow } from '../stores/appointment-store.ts';
import { findPatient, findPatientsSharingContact } from '../stores/patient-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';
import { findLatestConsent, insertConsent } from '../stores/consent-store.ts';
import { findIntake, listIntakeAnswers, markIntakeSubmitted, replaceIntakeAnswers, upsertIntakeResponse } from '../stores/intake-store.ts';
import { listPhysicianReviews } from '../stores/physician-review-store.ts';
import { findLatestScreeningRecord, insertScreening, listEarlierScreenings } from '../stores/screening-store.ts';

/** The consent version in force: the newest one that exists in both languages. */
export const currentConsentVersion =
  [...new Set(consentTexts.map((c) => c.version))]
    .filter((v) => consentTexts.some((c) => c.version === v && c.language === 'en') && consentTexts.some((c) => c.version === v && c.language === 'ar'))
    .sort()
    .at(-1) ?? '';

const knownLinkIds = new Set(indexQuestionnaire(intakeQuestionnaire).keys());

function collectLinkIds(items: QuestionnaireResponse['item'], into: string[] = []): string[] {
  for (const item of items ?? []) {
    into.push(item.linkId);
    collectLinkIds(item.item, into);
    for (const answer of item.answer ?? []) collectLinkIds(answer.item, into);
  }
  return into;
}

/** Checks a QuestionnaireResponse against the schema and the questionnaire's linkIds. */
export function validateResponse(response: unknown): QuestionnaireResponse {
  if (!Value.Check(QuestionnaireResponse, response)) {
    const first = [...Value.Errors(QuestionnaireResponse, response)].slice(0, 5).map((e) => ({ field: e.path, problem: e.message }));
    throw new AppError('validation_failed', 'The intake answers are not a valid QuestionnaireResponse.', first);
  }
  const unknown = collectLinkIds(response.item).filter((id) => !knownLinkIds.has(id));
  if (unknown.length > 0) throw new AppError('validation_failed', `Unknown questions: ${[...new Set(unknown)].join(', ')}`, { linkIds: unknown });
  return response;
}

/** An intake not started yet opens with what the record knows (the booking's name, phone, email), so the patient does not retype it. */
async function prefilledResponse(sql: Sql, patientId: string | null): Promise<QuestionnaireResponse | null> {
  const patient = patientId ? await findPatient(sql, patientId) : undefined;
  if (!patient) return null;
  const answers = aboutYouFromPatient(patientView(patient));
  return Object.keys(answers).length > 0 ? responseFromAnswers(answers, 'in-progress', intakeQuestionnaire) : null;
}

/**
 * The intake as its reader may see it. The patient (by link) and clinicians see the answers;
 * reception, at the desk tablet, sees only the status and consent (`answersHidden`), since the
 * answers are medical history (permission `intake.clinical.read`).
 */
export async function intakeView(sql: Sql, appointment: AppointmentRow, withAnswers = true) {
  const intake = await findIntake(sql, appointment.id);
  const consent = await findLatestConsent(sql, appointment.patientId);
  const response = intake?.response ?? (withAnswers ? await prefilledResponse(sql, appointment.patientId) : null);
  return {
    questionnaire: intakeQuestionnaire,
    response: withAnswers ? response : null,
    answersHidden: !withAnswers && intake !== undefined,
    status: intake?.status ?? 'not_started',
    savedAt: intake?.updatedAt?.toISOString() ?? null,
    consent: {
      version: currentConsentVersion,
      texts: consentTexts.filter((c) => c.version === currentConsentVersion),
      signed: consent?.version === currentConsentVersion,
      signedAt: consent?.signedAt?.toISOString() ?? null,
    },
  };
}

/** Progressive save: every change is kept, so a dropped connection loses at most the last edit. */
export async function saveIntake(tx: Sql, appointment: AppointmentRow, response: QuestionnaireResponse, language: 'en' | 'ar', now: Date, actor: Actor) {
  const existing = await findIntake(tx, appointment.id);
  if (existing?.status === 'submitted') throw new AppError('conflict', 'This intake was already submitted; ask the clinic to change an answer.');
  const intakeId = await upsertIntakeResponse(tx, {
    patientId: appointment.patientId,
    appointmentId: appointment.id,
    questionnaireVersion: intakeQuestionnaire.version ?? '1',
    language,
    response: { ...response, status: 'in-progress' },
    at: now,
  });
  const answers = answersFromQuestionnaireResponse(response, intakeQuestionnaire);
  await replaceIntakeAnswers(tx, intakeId, answers);
  await writeAudit(tx, actor, { action: 'intake.save', entityType: 'intake', entityId: intakeId, after: { answered: Object.keys(answers).length } });
  return { savedAt: now.toISOString(), missingRequired: listMissingRequired(answers, intakeQuestionnaire) };
}

/** Submits the intake and screens it. Screening errs towards referral; the result is stored for the physician. */
export async function submitIntake(tx: Sql, clinic: ClinicSettings, appointment: AppointmentRow, now: Date, actor: Actor) {
  const intake = await findIntake(tx, appointment.id);
  if (!intake) throw new AppError('unprocessable', 'Answer the intake questions before submitting.');
  if (intake.status === 'submitted') throw new AppError('conflict', 'This intake was already submitted.');
  const answers = answersFromQuestionnaireResponse(intake.response, intakeQuestionnaire);
  const missing = listMissingRequired(answers, intakeQuestionnaire);
  if (missing.length > 0) throw new AppError('unprocessable', 'Some required questions are not answered yet.', { missing });
  const result = screenPatient(answers, localDate(now, clinic.timeZone));
  await markIntakeSubmitted(tx, intake.id, now);
  const screeningId = await insertScreening(tx, { patientId: appointment.patientId, intakeId: intake.id, outcome: result.outcome, result, at: now });
  if (appointment.patientId) {
    await fillRecordFromIntake(tx, {
      patientId: appointment.patientId,
      intakeId: intake.id,
      answers,
      today: localDate(now, clinic.timeZone),
      submittedBy: actor,
    });
  }
  await writeAudit(tx, actor, {
    action: 'intake.submit',
    entityType: 'intake',
    entityId: intake.id,
    after: { screeningId, outcome: result.outcome, redFlags: result.redFlags.map((f) => f.id) },
  });
  // Patients see what to do, not the clinical reasoning: urgent findings say so plainly.
  const urgency = result.redFlags[0]?.urgency;
  const urgentCare: 'emergency' | 'same_day' | null = urgency === 'emergency' ? 'emergency' : urgency === 'same_day' ? 'same_day' : null;
  return { outcome: result.outcome, urgentCare };
}

export async function signConsent(
  tx: Sql,
  appointment: AppointmentRow,
  body: { version: string; language: 'en' | 'ar'; typedName: string; signature: string },
  now: Date,
  actor: Actor,
) {
  if (body.version !== currentConsentVersion) {
    throw new AppError('conflict', 'The consent text has changed; please read the current version and sign again.', { currentVersion: currentConsentVersion });
  }
  const id = await insertConsent(tx, {
    patientId: appointment.patientId,
    appointmentId: appointment.id,
    version: body.version,
    language: body.language,
    typedName: body.typedName.trim(),
    signature: body.signature,
    at: now,
    ip: actor.ip ?? null,
  });
  await writeAudit(tx, actor, {
    action: 'consent.sign',
    entityType: 'consent',
    entityId: id,
    after: { version: body.version, language: body.language, typedName: body.typedName },
  });
  return { id, version: body.version, signedAt: now.toISOString() };
}

/** A self-registered record that shares an email or phone with another live patient waits for staff to check who it is. */
async function needsIdentityCheck(sql: Sql, patientId: string): Promise<boolean> {
  const patient = await findPatient(sql, patientId);
  if (patient?.identityStatus !== 'self_registered') return false;
  return findPossibleMatches(patient, await findPatientsSharingContact(sql, patient)).length > 0;
}

/** Everything a clinician needs on the patient's safety, and whether a session may start. */
export async function loadSafety(sql: Sql, patientId: string) {
  const found = await findLatestScreeningRecord(sql, patientId);
  const screening = found ? { ...found, outcome: found.outcome as ScreeningOutcome } : undefined;
  // A review moved here by a patient merge keeps the record it was made on (see standingReview).
  const reviews = (await listPhysicianReviews(sql, patientId)).map((r) => ({ ...r, decision: r.decision as ReviewDecision }));
  const consent = await findLatestConsent(sql, patientId);
  const answers = screening ? await listIntakeAnswers(sql, screening.intakeId) : [];
  const reviewFacts = reviews.map((r) => ({
    id: r.id,
    decision: r.decision,
    at: r.createdAt,
    mergedFrom: r.mergedFromId && r.mergedFromAt ? { recordId: r.mergedFromId, at: r.mergedFromAt } : undefined,
  }));
  const standing = standingReview(reviewFacts) as (typeof reviewFacts)[number] | undefined;
  const identityCheckRequired = await needsIdentityCheck(sql, patientId);
  const clearanceRequired = screening ? findClearanceRequired(screening.result) : [];
  const review = standing ? { decision: standing.decision, at: standing.at } : undefined;
  const gate = decideTreatmentGate({
    identityCheckRequired,
    currentConsentVersion,
    signedConsentVersion: consent?.version,
    screening: screening
      ? { id: screening.id, outcome: screening.outcome, at: screening.createdAt, clearanceRequired: clearanceRequired.length > 0 }
      : undefined,
    earlierScreenings: screening
      ? (await listEarlierScreenings(sql, patientId, screening.id)).map((s) => ({
          outcome: s.outcome as ScreeningOutcome,
          at: s.createdAt,
          clearanceRequired: findClearanceRequired(s.result).length > 0,
        }))
      : [],
    reviews: reviewFacts,
    referrals: await listGateReferrals(sql, patientId),
  });
  const stored = (screening?.result ?? {}) as { redFlags?: { id: string; name: Localized }[]; physicianReferral?: { reason?: Localized } };
  const reasoning = decideReasoningState({
    screening: screening
      ? {
          outcome: screening.outcome,
          at: screening.createdAt,
          redFlags: stored.redFlags ?? [],
          ...(stored.physicianReferral?.reason ? { reason: stored.physicianReferral.reason } : {}),
        }
      : undefined,
    review,
  });
  return {
    gate,
    reasoning,
    clearanceRequired,
    screening: screening ? { id: screening.id, outcome: screening.outcome, result: screening.result, at: screening.createdAt.toISOString() } : null,
    answers: Object.fromEntries(answers.map((a) => [a.linkId, a.value])),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      notes: r.notes,
      precautions: r.precautions,
      referral: r.referral,
      at: r.createdAt.toISOString(),
      physicianName: r.physicianName,
      mergedFromPatientId: r.mergedFromId,
    })),
    /** The physician decision in force (see standingReview), which may not be the newest review after a merge. */
    standingReviewId: standing?.id ?? null,
    consent: consent
      ? {
          version: consent.version,
          signedAt: consent.signedAt.toISOString(),
          typedName: consent.typedName,
          current: consent.version === currentConsentVersion,
        }
      : null,
  };
}
