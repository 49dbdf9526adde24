import { findPossibleMatches, type PossibleMatch } from '@myomap/domain/identity/find-possible-matches';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { toZonedIso } from '../lib/zoned-time.ts';
import { patientView } from '../clinical/patient-view.ts';
import { loadSafety } from '../safety/intake-service.ts';
import {
  countPatientRecords,
  findPatient,
  findPatientsSharingContact,
  listPatientIntakeStatuses,
  listPatientVisitSummaries,
  listSelfRegisteredPatients,
  type PatientRecord,
} from '../stores/patient-store.ts';

/** Self-registered records, each with the existing patients it may be. */
export async function listPossibleDuplicates(sql: Sql) {
  const pending = await listSelfRegisteredPatients(sql);
  const items = [];
  for (const patient of pending) {
    const candidates = await findPatientsSharingContact(sql, patient);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const matches = findPossibleMatches(patient, candidates).flatMap((m: PossibleMatch) => {
      const candidate = byId.get(m.patientId);
      return candidate ? [{ ...m, patient: patientView(candidate) }] : [];
    });
    items.push({ patient: patientView(patient), matches });
  }
  return items;
}

/** One side of the merge screen. Reception sees what exists (counts); clinicians also see the safety state. */
async function loadSide(sql: Sql, patient: PatientRecord, timeZone: string, clinical: boolean) {
  const appointments = await listPatientVisitSummaries(sql, patient.id);
  const intakes = await listPatientIntakeStatuses(sql, patient.id);
  const counts = await countPatientRecords(sql, patient.id);
  const safety = clinical ? await loadSafety(sql, patient.id) : undefined;
  const standing = safety?.reviews.find((r) => r.id === safety.standingReviewId);
  return {
    patient: patientView(patient),
    appointments: appointments.map((a) => ({
      id: a.id,
      reference: a.reference,
      start: toZonedIso(a.startsAt, timeZone),
      status: a.status,
      serviceName: a.serviceName,
    })),
    intake: { submitted: intakes.filter((i) => i.status === 'submitted').length, inProgress: intakes.filter((i) => i.status !== 'submitted').length },
    counts,
    safety: safety
      ? {
          screeningOutcome: safety.screening?.outcome ?? null,
          physicianDecision: standing ? { decision: standing.decision, at: standing.at, physicianName: standing.physicianName } : null,
          gate: safety.gate,
        }
      : null,
  };
}

export async function loadMergePreview(sql: Sql, keptId: string, duplicateId: string, timeZone: string, clinical: boolean) {
  if (keptId === duplicateId) throw new AppError('validation_failed', 'A patient cannot be merged into itself.');
  const kept = await findPatient(sql, keptId);
  const duplicate = await findPatient(sql, duplicateId);
  if (!kept || !duplicate) throw new AppError('not_found', 'No such patient.');
  if (kept.identityStatus === 'merged' || duplicate.identityStatus === 'merged') {
    throw new AppError('patient_merged', 'One of these records was already merged.', { mergedIntoId: kept.mergedIntoId ?? duplicate.mergedIntoId });
  }
  const [match] = findPossibleMatches(duplicate, [kept]);
  return {
    kept: await loadSide(sql, kept, timeZone, clinical),
    duplicate: await loadSide(sql, duplicate, timeZone, clinical),
    match: match ? { reasons: match.reasons, strength: match.strength } : null,
  };
}
