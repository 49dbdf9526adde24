import { Value } from '@sinclair/typebox/value';
import { findPossibleMatches } from '@myomap/domain/identity/find-possible-matches';
import { decideReasoningState } from '@myomap/domain/safety/decide-reasoning-state';
import { decideTreatmentGate, standingReview, type ReviewDecision, type ScreeningOutcome } from '@myomap/domain/safety/decide-treatment-gate';
import type { Localized } from '@myomap/domain/knowledge/knowledge-schemas';
import { findClearanceRequired } from '@myomap/domain/screening/find-clearance-required';
import { consentTexts, indexQuestionnaire, intakeQuestionnaire } from '@myomap/domain/screening/intake-questionnaire';
import { listMissingRequired } from '@myomap/domain/screening/list-missing-required';
import { QuestionnaireResponse } from '@myomap/domain/screening/questionnaire-schemas';
import { answersFromQuestionnaireResponse, screenPatient } from '@myomap/domain/screening/screen-patient';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import type { AppointmentRow } from '../stores/appointment-store.ts';
import { findPatient, findPatientsSharingContact } from '../stores/patient-store.ts';
import type { ClinicSettings } from '../stores/clinic-store.ts';

/** The consent version in force: the newest one that exists in both languages. */
export const currentConsentVersion =
  [...new Set(consentTexts.map((c) => c.version))]
    .filter((v) => consentTexts.some((c) => c.version === v && c.language === 'en') && consentTexts.some((c) => c.version === v && c.language === 'ar'))
    .sort()
    .at(-1) ?? '';

const knownLinkIds = new Set(indexQuestionnaire().keys());

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

export async function loadIntake(sql: Sql, appointmentId: string) {
  const [row] = await sql.query<{ id: string; status: string; response: QuestionnaireResponse; language: string; updated_at: Date; submitted_at: Date | null }>(
    'select id, status, response, language, updated_at, submitted_at from intake_responses where appointment_id = $1',
    [appointmentId],
  );
  return row;
}

/**
 * The intake as its reader may see it. The patient (by link) and clinicians see the answers;
 * reception, at the desk tablet, sees only the status and consent (`answersHidden`), since the
 * answers are medical history (permission `intake.clinical.read`).
 */
export async function intakeView(sql: Sql, appointment: AppointmentRow, withAnswers = true) {
  const intake = await loadIntake(sql, appointment.id);
  const [consent] = await sql.query<{ version: string; signed_at: Date }>(
    'select version, signed_at from consents where patient_id = $1 order by signed_at desc limit 1',
    [appointment.patientId],
  );
  return {
    questionnaire: intakeQuestionnaire,
    response: withAnswers ? (intake?.response ?? null) : null,
    answersHidden: !withAnswers && intake !== undefined,
    status: intake?.status ?? 'not_started',
    savedAt: intake?.updated_at?.toISOString() ?? null,
    consent: {
      version: currentConsentVersion,
      texts: consentTexts.filter((c) => c.version === currentConsentVersion),
      signed: consent?.version === currentConsentVersion,
      signedAt: consent?.signed_at?.toISOString() ?? null,
    },
  };
}

/** Progressive save: every change is kept, so a dropped connection loses at most the last edit. */
export async function saveIntake(tx: Sql, appointment: AppointmentRow, response: QuestionnaireResponse, language: 'en' | 'ar', now: Date, actor: Actor) {
  const existing = await loadIntake(tx, appointment.id);
  if (existing?.status === 'submitted') throw new AppError('conflict', 'This intake was already submitted; ask the clinic to change an answer.');
  const [row] = await tx.query<{ id: string }>(
    `insert into intake_responses (patient_id, appointment_id, questionnaire_version, language, response, updated_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (appointment_id) do update set response = excluded.response, language = excluded.language, updated_at = excluded.updated_at
     returning id`,
    [
      appointment.patientId,
      appointment.id,
      intakeQuestionnaire.version ?? '1',
      language,
      JSON.stringify({ ...response, status: 'in-progress' }),
      now.toISOString(),
    ],
  );
  const intakeId = row?.id ?? '';
  const answers = answersFromQuestionnaireResponse(response, intakeQuestionnaire);
  await tx.query('delete from intake_answers where intake_id = $1', [intakeId]);
  // One statement for all answers: a progressive save of a 120-answer intake is one round trip, not 120.
  const entries = Object.entries(answers).filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined);
  if (entries.length > 0) {
    await tx.query(
      'insert into intake_answers (intake_id, link_id, value) select $1, link_id, value from unnest($2::text[], $3::jsonb[]) as a(link_id, value)',
      [intakeId, entries.map(([linkId]) => linkId), entries.map(([, value]) => JSON.stringify(value))],
    );
  }
  await writeAudit(tx, actor, { action: 'intake.save', entityType: 'intake', entityId: intakeId, after: { answered: Object.keys(answers).length } });
  return { savedAt: now.toISOString(), missingRequired: listMissingRequired(answers) };
}

/** Submits the intake and screens it. Screening errs towards referral; the result is stored for the physician. */
export async function submitIntake(tx: Sql, clinic: ClinicSettings, appointment: AppointmentRow, now: Date, actor: Actor) {
  const intake = await loadIntake(tx, appointment.id);
  if (!intake) throw new AppError('unprocessable', 'Answer the intake questions before submitting.');
  if (intake.status === 'submitted') throw new AppError('conflict', 'This intake was already submitted.');
  const answers = answersFromQuestionnaireResponse(intake.response, intakeQuestionnaire);
  const missing = listMissingRequired(answers);
  if (missing.length > 0) throw new AppError('unprocessable', 'Some required questions are not answered yet.', { missing });
  const result = screenPatient(answers, localDate(now, clinic.timeZone));
  await tx.query(
    `update intake_responses set status = 'submitted', submitted_at = $2, response = jsonb_set(response, '{status}', '"completed"') where id = $1`,
    [intake.id, now.toISOString()],
  );
  const [screening] = await tx.query<{ id: string }>(
    'insert into screenings (patient_id, intake_id, outcome, result, created_at) values ($1, $2, $3, $4, $5) returning id',
    [appointment.patientId, intake.id, result.outcome, JSON.stringify(result), now.toISOString()],
  );
  await writeAudit(tx, actor, {
    action: 'intake.submit',
    entityType: 'intake',
    entityId: intake.id,
    after: { screeningId: screening?.id, outcome: result.outcome, redFlags: result.redFlags.map((f) => f.id) },
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
  const [row] = await tx.query<{ id: string }>(
    `insert into consents (patient_id, appointment_id, version, language, typed_name, signature_png, signed_at, ip) values ($1,$2,$3,$4,$5,$6,$7,$8) returning id`,
    [appointment.patientId, appointment.id, body.version, body.language, body.typedName.trim(), body.signature, now.toISOString(), actor.ip ?? null],
  );
  await writeAudit(tx, actor, {
    action: 'consent.sign',
    entityType: 'consent',
    entityId: row?.id,
    after: { version: body.version, language: body.language, typedName: body.typedName },
  });
  return { id: row?.id, version: body.version, signedAt: now.toISOString() };
}

/** A self-registered record that shares an email or phone with another live patient waits for staff to check who it is. */
async function needsIdentityCheck(sql: Sql, patientId: string): Promise<boolean> {
  const patient = await findPatient(sql, patientId);
  if (patient?.identityStatus !== 'self_registered') return false;
  return findPossibleMatches(patient, await findPatientsSharingContact(sql, patient)).length > 0;
}

/** Everything a clinician needs on the patient's safety, and whether a session may start. */
export async function loadSafety(sql: Sql, patientId: string) {
  const [screening] = await sql.query<{ id: string; outcome: ScreeningOutcome; result: unknown; created_at: Date; intake_id: string }>(
    'select id, outcome, result, created_at, intake_id from screenings where patient_id = $1 order by created_at desc limit 1',
    [patientId],
  );
  // A review moved here by a patient merge keeps the record it was made on (see standingReview).
  const reviews = await sql.query<{
    id: string;
    decision: ReviewDecision;
    notes: string;
    precautions: string[];
    referral: unknown;
    created_at: Date;
    physician_name: string;
    screening_id: string | null;
    merged_from_id: string | null;
    merged_from_at: Date | null;
  }>(
    `select r.id, r.decision, r.notes, r.precautions, r.referral, r.created_at, u.name as physician_name, r.screening_id,
       m.merged_patient_id as merged_from_id, m.merged_at as merged_from_at
     from physician_reviews r join staff_users u on u.id = r.physician_id
     left join lateral (select pm.merged_patient_id, pm.merged_at from patient_merges pm where r.id = any(pm.moved_review_ids) order by pm.merged_at limit 1) m on true
     where r.patient_id = $1 order by r.created_at desc`,
    [patientId],
  );
  const [consent] = await sql.query<{ version: string; signed_at: Date; typed_name: string }>(
    'select version, signed_at, typed_name from consents where patient_id = $1 order by signed_at desc limit 1',
    [patientId],
  );
  const answers = screening
    ? await sql.query<{ link_id: string; value: unknown }>('select link_id, value from intake_answers where intake_id = $1 order by link_id', [
        screening.intake_id,
      ])
    : [];
  const reviewFacts = reviews.map((r) => ({
    id: r.id,
    decision: r.decision,
    at: r.created_at,
    mergedFrom: r.merged_from_id && r.merged_from_at ? { recordId: r.merged_from_id, at: r.merged_from_at } : undefined,
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
      ? { id: screening.id, outcome: screening.outcome, at: screening.created_at, clearanceRequired: clearanceRequired.length > 0 }
      : undefined,
    reviews: reviewFacts,
  });
  const stored = (screening?.result ?? {}) as { redFlags?: { id: string; name: Localized }[]; physicianReferral?: { reason?: Localized } };
  const reasoning = decideReasoningState({
    screening: screening
      ? {
          outcome: screening.outcome,
          at: screening.created_at,
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
    screening: screening ? { id: screening.id, outcome: screening.outcome, result: screening.result, at: screening.created_at.toISOString() } : null,
    answers: Object.fromEntries(answers.map((a) => [a.link_id, a.value])),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      notes: r.notes,
      precautions: r.precautions,
      referral: r.referral,
      at: r.created_at.toISOString(),
      physicianName: r.physician_name,
      mergedFromPatientId: r.merged_from_id,
    })),
    /** The physician decision in force (see standingReview), which may not be the newest review after a merge. */
    standingReviewId: standing?.id ?? null,
    consent: consent
      ? {
          version: consent.version,
          signedAt: consent.signed_at.toISOString(),
          typedName: consent.typed_name,
          current: consent.version === currentConsentVersion,
        }
      : null,
  };
}
