import { can } from '@myomap/domain/access/permissions';
import type { PatientRecordOut, PatientVisitOut } from '@myomap/contract/clinical/patients.schemas';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate, toZonedIso } from '../lib/zoned-time.ts';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { listPatientAssessments } from '../stores/assessment-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { listPatientEpisodes } from '../stores/episode-store.ts';
import { listPatientVisits } from '../stores/patient-store.ts';
import { findPatient } from '../stores/patient-store.ts';
import {
  findLatestSubmittedAnswers,
  listLatestEpisodeScores,
  listPatientMessages,
  listRecordConsents,
  listRecordIntakes,
  listSignedNotes,
} from '../stores/patient-record-store.ts';
import { listPatientPlans } from '../stores/plan-store.ts';
import { ABOUT_YOU_LINK_IDS, compareIntakeDemographics } from './intake-demographics.ts';
import { listDemographicHistory } from './list-demographic-history.ts';
import { patientView } from './patient-view.ts';
import { loadRecordSafety } from './load-record-safety.ts';

/**
 * The patient's record page. Contacts, visits, intake status, consents, messages and the
 * demographics history go to everyone who may call the patient; each clinical part only to a
 * role the permission table lets read it, and it is left out of the answer, not sent empty
 * (reception runs the desk, never the clinical record). The read itself is audited.
 */
export async function loadPatientRecord(ctx: AppContext, id: string, actor: Actor): Promise<PatientRecordOut> {
  const clinic = await loadClinic(ctx.db);
  const now = ctx.clock.now();
  const zoned = (at: Date) => toZonedIso(at, clinic.timeZone);
  return ctx.db.transaction(async (tx) => {
    const found = await findPatient(tx, id);
    if (!found) throw new AppError('not_found', 'No such patient.');
    const patient = patientView(found);
    const visits = (await listPatientVisits(tx, id)).map((v) => ({ ...visitOut(v, zoned), startsAt: v.startsAt }));
    const clinical = can(actor.role, 'assessment.read');
    const assessments = clinical ? await listPatientAssessments(tx, id) : [];
    const consents = await listRecordConsents(tx, id);
    const submitted = await findLatestSubmittedAnswers(tx, id, ABOUT_YOU_LINK_IDS);
    const differ = submitted ? compareIntakeDemographics(submitted.answers, patient, localDate(now, clinic.timeZone)).differ : {};
    const parts = await clinicalParts(tx, id, actor, zoned);
    await writeAudit(tx, actor, { action: 'patients.read', entityType: 'patient', entityId: id, after: { sections: Object.keys(parts) } });
    const strip = ({ startsAt: _startsAt, ...v }: (typeof visits)[number]): PatientVisitOut => v;
    return {
      patient,
      appointments: visits.map(strip),
      upcomingAppointments: visits
        .filter((v) => v.startsAt >= now)
        .reverse()
        .map(strip),
      pastAppointments: visits.filter((v) => v.startsAt < now).map(strip),
      assessments: assessments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() })),
      canSeeClinical: clinical,
      intakes: (await listRecordIntakes(tx, id)).map((i) => {
        const consent = consents.find((c) => c.appointmentId !== null && c.appointmentId === i.appointmentId);
        return {
          id: i.id,
          appointmentId: i.appointmentId,
          visitStart: i.appointmentStart ? zoned(i.appointmentStart) : null,
          status: i.status === 'submitted' ? 'submitted' : 'in_progress',
          savedAt: i.savedAt.toISOString(),
          submittedAt: i.submittedAt?.toISOString() ?? null,
          consent: consent ? { version: consent.version, signedAt: consent.signedAt.toISOString(), current: consent.version === currentConsentVersion } : null,
        };
      }),
      consents: consents.map((c) => ({
        id: c.id,
        version: c.version,
        language: c.language === 'ar' ? 'ar' : 'en',
        signedAt: c.signedAt.toISOString(),
        current: c.version === currentConsentVersion,
      })),
      messages: (await listPatientMessages(tx, id)).map((m) => ({ ...m, at: m.at.toISOString() })),
      changes: await listDemographicHistory(tx, id),
      intakeSuggestions: submitted
        ? Object.entries(differ).map(([field, value]) => ({
            field: field as keyof typeof differ,
            value,
            intakeId: submitted.intakeId,
            submittedAt: submitted.submittedAt.toISOString(),
          }))
        : [],
      ...parts,
    };
  });
}

function visitOut(v: Awaited<ReturnType<typeof listPatientVisits>>[number], zoned: (at: Date) => string): PatientVisitOut {
  return {
    id: v.id,
    reference: v.reference,
    start: zoned(v.startsAt),
    serviceName: v.serviceName,
    practitionerName: v.practitionerName,
    status: v.status,
  };
}

type ClinicalParts = Pick<PatientRecordOut, 'screening' | 'referrals' | 'notes' | 'plans' | 'episodes'>;

/** The parts a role receives only with the matching permission; absent otherwise. */
async function clinicalParts(tx: Sql, id: string, actor: Actor, zoned: (at: Date) => string): Promise<ClinicalParts> {
  const parts: ClinicalParts = {};
  if (can(actor.role, 'safety.read')) Object.assign(parts, await loadRecordSafety(tx, id));
  if (can(actor.role, 'note.read')) {
    parts.notes = (await listSignedNotes(tx, id)).map((n) => ({ ...n, signedAt: n.signedAt.toISOString(), visitStart: zoned(n.visitStart) }));
  }
  if (can(actor.role, 'plan.read')) {
    parts.plans = (await listPatientPlans(tx, id)).map((p) => ({
      id: p.id,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
      requiresCosign: p.requiresCosign,
    }));
  }
  if (can(actor.role, 'outcomes.read')) {
    const scores = await listLatestEpisodeScores(tx, id);
    parts.episodes = (await listPatientEpisodes(tx, id)).map((e) => ({
      id: e.id,
      complaint: e.complaint,
      status: e.status,
      startedOn: e.startedOn,
      endedOn: e.endedOn,
      latestScores: scores.filter((s) => s.episodeId === e.id).map(({ instrumentId, score, takenOn }) => ({ instrumentId, score, takenOn })),
    }));
  }
  return parts;
}
